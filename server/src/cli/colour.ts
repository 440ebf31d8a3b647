import { styleText } from 'node:util';

/*
 * Colours with Node's own `util.styleText` (no dependency). Whether to colour is
 * decided here, once, and never by the stream: `--color`/`--no-color` win; a report
 * written to a file is plain; otherwise NO_COLOR (https://no-color.org) turns colour
 * off, FORCE_COLOR on, and the rest colours only a terminal that is not "dumb".
 */

export type Style = Parameters<typeof styleText>[0];
export type Paint = (style: Style, text: string) => string;

export const plain: Paint = (_style, text) => text;
const coloured: Paint = (style, text) => styleText(style, text, { validateStream: false });

export function useColour(flag: boolean | undefined, toFile: boolean, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (flag !== undefined) return flag;
  if (toFile) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

export function painter(colour: boolean): Paint {
  return colour ? coloured : plain;
}
