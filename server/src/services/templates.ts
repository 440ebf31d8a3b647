/*
 * Ready-made text: the template of a new spec, and one snippet per block. The server
 * offers the snippets as completions; grammar/snippets.json (VS Code) is generated from
 * them by `npm run docs`.
 */

export interface BlockSnippet {
  readonly label: string;
  readonly kind: 'snippet';
  readonly detail: string;
  /** LSP/VS Code snippet syntax: $1, ${1:placeholder}, ${1|a,b|}. */
  readonly snippet: string;
}

/** A whole spec to start from: every "…" and figure is for the writer to replace. */
export const NEW_SPEC_TEMPLATE = `# A new outcomes specification: replace each "…" and figure.
spec "…" {
  commissioner "…"
  term 3 years from 2027-04-01
  budget £1,000,000
  service level needed
}

cohort people "…" {
  eligibility {
    age 18 to 64
    resident in "…"
    criterion "a fact recorded by a public service"
  }
  size 300
  referral by "…"
}

outcome result "…" {
  for people
  measure "…"
  evidence "…"
  baseline 10%
  target 30% by 2030-03-31
  kind tangible
}

payment {
  model results
  upfront 20%
  pay £2,000 for result per participant
  cap £800,000
  schedule "quarterly in arrears"
}

contingency {
  step in "…"
  notice 3 months
  warning signs "…"
}

review every 6 months with "…"
involve "…"
monitor "…"
`;

export const BLOCK_SNIPPETS: readonly BlockSnippet[] = [
  { label: 'spec', kind: 'snippet', detail: 'a new specification', snippet: 'spec "${1:Title}" {\n  commissioner "${2:Council}"\n  term ${3:3} years from ${4:2027-04-01}\n  budget £${5:1,000,000}\n  service level ${6|must,needed,could|}\n}\n' },
  { label: 'cohort', kind: 'snippet', detail: 'who the service is for', snippet: 'cohort ${1:id} "${2:Description}" {\n  eligibility {\n    age ${3:16} to ${4:24}\n    resident in "${5:Area}"\n    criterion "${6:a recorded fact}"\n  }\n  size ${7:100}\n  referral by "${8:Referrer}"\n}\n' },
  { label: 'outcome', kind: 'snippet', detail: 'a result to achieve', snippet: 'outcome ${1:id} "${2:Description}" {\n  for ${3:cohort}\n  measure "${4:what is counted, and when}"\n  evidence "${5:data source}"\n  baseline ${6:10}%\n  target ${7:30}% by ${8:2030-03-31}\n  kind ${9|tangible,intangible,output|}\n}\n' },
  { label: 'payment', kind: 'snippet', detail: 'how results are paid for', snippet: 'payment {\n  model ${1|results,grant,block,mixed|}\n  upfront ${2:20}%\n  pay £${3:1,000} for ${4:outcome} per participant\n  cap £${5:500,000}\n  schedule "${6:quarterly in arrears}"\n}\n' },
  { label: 'contingency', kind: 'snippet', detail: 'the plan for failure', snippet: 'contingency {\n  step in "${1:who takes over}"\n  notice ${2:3} months\n  warning signs "${3:what to watch for}"\n  reserve £${4:100,000}\n}\n' },
  { label: 'finance', kind: 'snippet', detail: 'investors who fund delivery (an impact bond)', snippet: 'finance {\n  investor "${1:Investor}" commitment £${2:500,000} return up to ${3:6}% per year\n  provider paid ${4|fixed fee,30% of outcome payments|}\n}\n' },
  { label: 'subcontracting', kind: 'snippet', detail: 'prime and subcontractors', snippet: 'subcontracting {\n  prime "${1:Lead provider}"\n  management fee ${2:10}%\n  standard "${3:Merlin Standard}"\n}\n' },
];

/** The snippets in VS Code's snippet-file shape (grammar/snippets.json). */
export function vscodeSnippets(): Record<string, { prefix: string; description: string; body: string[] }> {
  const entries = [
    { label: 'new specification', detail: 'a whole spec to start from', snippet: NEW_SPEC_TEMPLATE.replace(/\$/g, '\\$') },
    ...BLOCK_SNIPPETS,
  ];
  return Object.fromEntries(entries.map((s) => [s.label, { prefix: s.label === 'new specification' ? 'spec-template' : s.label, description: s.detail, body: s.snippet.split('\n') }]));
}
