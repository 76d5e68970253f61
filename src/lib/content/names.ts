import { codePoint, unseenCharacter, unseenKind, visible, withoutUnseen } from '../site/control-characters.ts';
import { diagnostics } from '../site/messages/index.ts';

/**
 * What is wrong with the name of an editor's file or folder (a chapter, an edition folder, a plan, a
 * custom spec, a picture) that looks right and is not: a character no one sees (a zero-width space, a
 * bidi mark, a line break), or letters in Unicode's decomposed form (NFD: `é` stored as `e` + U+0301, as
 * macOS and some copy-paste give). Such a name differs from the one typed in a link, a URL or another
 * file, so it is refused with the name to give instead. Null when the name is sound.
 */
export function nameProblem(name: string): { message: string; hint: string } | null {
  const say = diagnostics().names;
  const rename = withoutUnseen(name).normalize('NFC');
  const code = unseenCharacter(name, { layout: false });
  if (code) return { message: say.unseen(visible(name), code, unseenKind(code)), hint: say.renameHint(rename) };
  if (name !== name.normalize('NFC'))
    return { message: say.decomposed(spelled(name), rename), hint: say.renameHint(rename) };
  return null;
}

/** The name with each decomposed letter shown as its code points: `caf⟨U+0065 U+0301⟩`. */
function spelled(name: string): string {
  const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(name);
  return [...graphemes]
    .map(({ segment }) =>
      segment.normalize('NFC') === segment ? segment : `⟨${[...segment].map(codePoint).join(' ')}⟩`,
    )
    .join('');
}
