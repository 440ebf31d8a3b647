import { Evidence } from './rule';

/** The workshop report every rule's evidence quotes (shared/domain/policy-workshop-report.txt). */
const REPORT =
  "University of Birmingham/Demos Policy Commission, report of the workshop 'Reproducing Success and Mitigating Failure: the Future Roles of the Third Sector and the State' (10 March 2011)";

/** A quote from the workshop report, with the part of it where it stands. */
export function fromReport(quote: string, part: string): Evidence {
  return { quote, source: `${REPORT}, ${part}` };
}
