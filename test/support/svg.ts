/*
 * A small strict XML reader for the report's inline SVG charts, so tests can check that
 * a chart is well-formed and read its coordinates back. It knows only what the charts
 * use (elements, double-quoted attributes, text, the five predefined entities) and
 * throws on anything else: an unclosed or mismatched tag, a raw `<` or `&`, a repeated
 * attribute.
 */

export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** The element's own text and its descendants', entities decoded. */
  readonly text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: number): string {
  if (/[<]/.test(raw)) throw new Error(`raw < at ${where}`);
  return raw.replace(/&([^;]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';') || !(name in ENTITIES)) throw new Error(`bad entity ${JSON.stringify(whole)} at ${where}`);
    return ENTITIES[name];
  });
}

export function parseXml(source: string): XmlElement {
  let i = 0;
  const skipSpace = (): void => {
    while (i < source.length && /\s/.test(source[i])) i++;
  };
  function element(): XmlElement {
    const open = /^<([A-Za-z][\w:.-]*)/.exec(source.slice(i));
    if (!open) throw new Error(`expected an element at ${i}: ${JSON.stringify(source.slice(i, i + 30))}`);
    const name = open[1];
    i += open[0].length;
    const attrs: Record<string, string> = {};
    for (;;) {
      skipSpace();
      if (source.startsWith('/>', i)) {
        i += 2;
        return { name, attrs, children: [], text: '' };
      }
      if (source[i] === '>') {
        i++;
        break;
      }
      const attr = /^([A-Za-z][\w:.-]*)="([^"]*)"/.exec(source.slice(i));
      if (!attr) throw new Error(`bad attribute in <${name}> at ${i}: ${JSON.stringify(source.slice(i, i + 30))}`);
      if (attr[1] in attrs) throw new Error(`repeated attribute ${attr[1]} in <${name}>`);
      attrs[attr[1]] = decode(attr[2], i);
      i += attr[0].length;
    }
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      const next = source.indexOf('<', i);
      if (next < 0) throw new Error(`<${name}> is not closed`);
      text += decode(source.slice(i, next), i);
      i = next;
      if (source.startsWith('</', i)) {
        const close = /^<\/([A-Za-z][\w:.-]*)\s*>/.exec(source.slice(i));
        if (!close || close[1] !== name) throw new Error(`<${name}> closed by ${JSON.stringify(source.slice(i, i + 20))} at ${i}`);
        i += close[0].length;
        return { name, attrs, children, text };
      }
      const child = element();
      children.push(child);
      text += child.text;
    }
  }
  skipSpace();
  const root = element();
  skipSpace();
  if (i !== source.length) throw new Error(`text after the root element at ${i}`);
  return root;
}

/** Every element under `root` (itself included), in document order. */
export function allElements(root: XmlElement): XmlElement[] {
  return [root, ...root.children.flatMap(allElements)];
}

/** The elements whose class list holds every class given (and of the tag, when given). */
export function select(root: XmlElement, tag: string | undefined, ...classes: string[]): XmlElement[] {
  return allElements(root).filter((e) => (tag === undefined || e.name === tag) && classes.every((c) => (e.attrs.class ?? '').split(/\s+/).includes(c)));
}

/** "1,2 3,4" → [[1, 2], [3, 4]]. */
export function points(list: string): [number, number][] {
  return list
    .trim()
    .split(/\s+/)
    .map((p) => p.split(',').map(Number) as [number, number]);
}
