// What every match of a rules expression must contain, read from the expression's top level, so
// that a text without it is not searched at all: most of the rules' expressions are asked of every
// text of every message, long attachments too, and most are in none of them ("departementets ",
// "stakeholder forum"). A look for a plain string costs a fraction of a pass of the expression
// (String.prototype.includes searches without trying a pattern at each position).
//
// Only what is certain is read: plain characters and groups that are a choice between plain strings
// ("(høring|høyring|hearing)") at the top level, neither with a quantifier after it, joined where
// nothing but an assertion (\b, a lookaround) stands between them ("(vi|me) ber "). An expression
// with a choice at its top level ("a|b"), or anything not understood, yields fewer pieces or none,
// never a wrong one: a piece is a promise that no match is without it.
//
// An earlier prefilter (README, Performance: tried 2026-12-05, not kept) looked for every literal of
// all 404 expressions in one Aho–Corasick pass per text, and the pass cost what it saved. Here a
// look is asked only of the expressions a text is searched with, at most two looks each, and a
// text's answer for a string is kept for the next expression that asks (FoldedText.includes).

/** Pieces shorter than this are in almost every text: looking costs more than it could save. */
const MIN_LENGTH = 4;

/** The index just past the escape that starts at `i` (a backslash). */
function escapeEnd(source: string, i: number): number {
  const e = source[i + 1];
  if (e === undefined) return i + 1;
  if ((e === 'p' || e === 'P' || e === 'u') && source[i + 2] === '{') {
    const close = source.indexOf('}', i + 3);
    return close < 0 ? source.length : close + 1;
  }
  if (e === 'k' && source[i + 2] === '<') {
    const close = source.indexOf('>', i + 3);
    return close < 0 ? source.length : close + 1;
  }
  if (e === 'u') return i + 6;
  if (e === 'x') return i + 4;
  if (e === 'c') return i + 3;
  return i + 2;
}

/** The index just past the class that starts at `i` ("["). */
function classEnd(source: string, i: number): number {
  for (let k = i + 1; k < source.length; k++) {
    if (source[k] === '\\') k = escapeEnd(source, k) - 1;
    else if (source[k] === ']') return k + 1;
  }
  return source.length;
}

/** The index of the ")" that closes the group opened at `i`, or -1. */
function groupClose(source: string, i: number): number {
  let depth = 0;
  for (let k = i; k < source.length; k++) {
    const c = source[k];
    if (c === '\\') k = escapeEnd(source, k) - 1;
    else if (c === '[') k = classEnd(source, k) - 1;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return k;
  }
  return -1;
}

/** An escaped character that stands for itself ("\.", "\-", "\/"); null for a class, an assertion or a reference (\w, \b, \1). */
function escapedLiteral(source: string, i: number): string | null {
  const e = source[i + 1];
  return e !== undefined && !/[0-9A-Za-z]/.test(e) ? e : null;
}

/** The alternatives of a group's body when each is a plain string ("høring|høyring"); null otherwise. */
function plainChoice(body: string): string[] | null {
  const choices: string[] = [''];
  for (let k = 0; k < body.length; k++) {
    const c = body[k]!;
    if (c === '|') choices.push('');
    else if (c === '\\') {
      const literal = escapedLiteral(body, k);
      if (literal === null) return null;
      choices[choices.length - 1] += literal;
      k++;
    } else if ('()[]{}*+?.^$'.includes(c)) return null;
    else choices[choices.length - 1] += c;
  }
  return choices;
}

/** The length of a quantifier at `i` ("*", "+", "?", "{2,5}", each perhaps lazy), 0 when there is none. */
function quantifierLength(source: string, i: number): number {
  const c = source[i];
  let end: number;
  if (c === '*' || c === '+' || c === '?') end = i + 1;
  else if (c === '{') {
    const close = source.indexOf('}', i);
    if (close < 0 || !/^\{\d+(,\d*)?\}$/.test(source.slice(i, close + 1))) return 0;
    end = close + 1;
  } else return 0;
  return source[end] === '?' ? end + 1 - i : end - i;
}

/** A lookaround's opening ("(?=", "(?!", "(?<=", "(?<!"): it matches nothing itself. */
const LOOKAROUND = /^\(\?(?:[=!]|<[=!])/;

/** The body of the group from `open` ("(") to `close` (")"), without "?:" or "?<name>". */
function groupBody(source: string, open: number, close: number): string {
  return source.slice(open + 1, close).replace(/^\?(?::|<[A-Za-z_$][\w$]*>)/, '');
}

/** Whether a quantifier at `i` lets the atom before it be absent ("?", "*", "{0,…}"). */
function mayBeAbsent(source: string, i: number): boolean {
  return quantifierLength(source, i) > 0 && /^(?:[?*]|\{0[,}])/.test(source.slice(i));
}

/**
 * A choice of more strings than this is not worth its looks (terms.ts lookFirst): the choices of
 * neighbouring groups are joined (piecesOfSequence) only while their combinations stay within it.
 */
export const MAX_CHOICES = 12;

/**
 * One atom of an expression's top level, as far as pieces go: the strings it matches exactly one of
 * (a plain character, a group of plain choices), nothing at all (an assertion: \b, ^, a lookaround),
 * or anything else, which ends what can be joined (a class, a quantified atom, a group not understood).
 */
type Atom = { strings: string[] } | 'empty' | 'gap';

/**
 * The expression's top level as atoms; null when it has a choice at the top level ("a|b": nothing
 * is in every match) or a group that does not close.
 */
function topLevelAtoms(source: string): Atom[] | null {
  const atoms: Atom[] = [];
  for (let i = 0; i < source.length; ) {
    const quantifier = quantifierLength(source, i);
    if (quantifier > 0) {
      // The atom before it may be there any number of times, or not at all.
      if (atoms.length > 0) atoms[atoms.length - 1] = 'gap';
      i += quantifier;
      continue;
    }
    const c = source[i]!;
    if (c === '|') return null;
    if (c === '\\') {
      const literal = escapedLiteral(source, i);
      const e = source[i + 1];
      atoms.push(literal !== null ? { strings: [literal] } : e === 'b' || e === 'B' ? 'empty' : 'gap');
      i = literal !== null ? i + 2 : escapeEnd(source, i);
      continue;
    }
    if (c === '[') {
      atoms.push('gap');
      i = classEnd(source, i);
      continue;
    }
    if (c === '(') {
      const close = groupClose(source, i);
      if (close < 0) return null;
      // A lookaround matches nothing itself; a group with a quantifier is followed by one (above).
      if (LOOKAROUND.test(source.slice(i, i + 4))) atoms.push('empty');
      else {
        const choices = plainChoice(groupBody(source, i, close));
        atoms.push(choices !== null ? { strings: choices } : 'gap');
      }
      i = close + 1;
      continue;
    }
    if (c === '^' || c === '$') atoms.push('empty');
    else if (c === '.' || c === ')' || c === ']' || c === '{' || c === '}') atoms.push('gap');
    else {
      // One character written out (a surrogate pair is one letter: a quantifier after it takes both units).
      const unit = String.fromCodePoint(source.codePointAt(i)!);
      atoms.push({ strings: [unit] });
      i += unit.length;
      continue;
    }
    i++;
  }
  return atoms;
}

/**
 * What every match of the expression must contain: each entry is a list of strings, at least one of
 * which is in every match. Neighbouring atoms (nothing but assertions between them) are joined into
 * one piece of their combinations: "(vi|me) ber " gives "vi ber " or "me ber ", rarer than " ber "
 * alone, so fewer texts without a match are searched. A piece with a string shorter than
 * MIN_LENGTH is left out. Empty when nothing certain can be read. The expression is read as
 * written, without flags (the rules' are 'u' only: no 'i', so a letter matches only itself).
 */
export function requiredPieces(source: string): string[][] {
  const atoms = topLevelAtoms(source);
  if (atoms === null) return [];
  const pieces: string[][] = [];
  let run: string[][] = [];
  for (const atom of [...atoms, 'gap' as const]) {
    if (atom === 'empty') continue;
    if (atom !== 'gap') {
      run.push(atom.strings);
      continue;
    }
    for (const piece of piecesOfSequence(run)) if (piece.every((s) => s.length >= MIN_LENGTH)) pieces.push(piece);
    run = [];
  }
  return pieces;
}

/**
 * The pieces of neighbouring atoms (each a choice of strings, in order): their combinations, joined
 * from the left while there are at most MAX_CHOICES of them; an atom of several strings that would
 * make more begins the next piece. One string joined on never adds a combination.
 */
function piecesOfSequence(atoms: readonly string[][]): string[][] {
  const pieces: string[][] = [];
  let piece: string[] | null = null;
  for (const strings of atoms) {
    if (piece !== null && strings.length > 1 && piece.length * strings.length > MAX_CHOICES) {
      pieces.push(piece);
      piece = null;
    }
    piece = piece === null ? [...strings] : piece.flatMap((a) => strings.map((b) => a + b));
  }
  if (piece !== null) pieces.push(piece);
  return pieces;
}

/** The expression split at its top-level "|" (null when a group does not close). */
function topLevelChoices(source: string): string[] | null {
  const choices: string[] = [];
  let from = 0;
  for (let i = 0; i < source.length; ) {
    const c = source[i];
    if (c === '\\') i = escapeEnd(source, i);
    else if (c === '[') i = classEnd(source, i);
    else if (c === '(') {
      const close = groupClose(source, i);
      if (close < 0) return null;
      i = close + 1;
    } else {
      if (c === '|') {
        choices.push(source.slice(from, i));
        from = i + 1;
      }
      i++;
    }
  }
  return [...choices, source.slice(from)];
}

/**
 * Whether every match of an expression begins with a character written out as such: a letter, a
 * digit, an escaped sign ("\\."), a "\\n", "\\t" or "\\r", or a group whose every choice does (not a
 * class, "\\w", ".", a lookaround, or anything that may be left out: "a?", "(…)?", "(…)*"). An
 * expression anchored at the start ("^") counts too: it is tried at one place only.
 */
export function startsWithText(source: string): boolean {
  const choices = topLevelChoices(source);
  return choices !== null && choices.every(choiceStartsWithText);
}

function choiceStartsWithText(choice: string): boolean {
  if (choice.startsWith('^')) return true;
  if (choice.startsWith('(')) {
    const close = groupClose(choice, 0);
    return close > 0 && !LOOKAROUND.test(choice) && !mayBeAbsent(choice, close + 1) && startsWithText(groupBody(choice, 0, close));
  }
  if (choice.startsWith('\\')) return (escapedLiteral(choice, 0) !== null || /^\\[ntr]/.test(choice)) && !mayBeAbsent(choice, 2);
  if (choice.length === 0 || choice.startsWith('[') || choice.startsWith('.')) return false;
  // One character written out (a surrogate pair is two code units, one letter).
  return !mayBeAbsent(choice, choice.codePointAt(0)! > 0xffff ? 2 : 1);
}

/** A class, "\\w", "\\S", "\\d" or "." repeated without bound ("[a-zæøå]*", "\\w+", "\\d{2,}"). */
const REPEATED_CLASS = /^(\[(?:\\.|[^\]\\])*\]|\\[wWsSdDpP](\{[^}]*\})?|\.)([*+]|\{\d*,)/;

/**
 * Whether a match of the expression may begin with a class repeated without bound (in any of its
 * choices, or of the group it begins with). Without a \b before it, such an expression is tried
 * from every letter of a long word to that word's end: time that grows with the square of the
 * word's length (seconds for one document of a few hundred kilobytes).
 */
export function beginsWithRepeatedClass(source: string): boolean {
  return (topLevelChoices(source) ?? []).some((choice) => {
    if (choice.startsWith('(') && !LOOKAROUND.test(choice)) {
      const close = groupClose(choice, 0);
      return close > 0 && beginsWithRepeatedClass(groupBody(choice, 0, close));
    }
    return REPEATED_CLASS.test(choice);
  });
}

/**
 * The expression without the lookbehind ((?<=…) or (?<!…)) it starts with; as it is when it starts
 * with none. Not taken away when the expression refers back to a group (\\1, \\k<name>): the
 * lookbehind's groups would no longer be there, or be counted otherwise.
 */
export function withoutLeadingLookbehind(source: string): string {
  if (!source.startsWith('(?<=') && !source.startsWith('(?<!')) return source;
  if (/\\[1-9]|\\k</.test(source)) return source;
  const close = groupClose(source, 0);
  if (close < 0) return source;
  const rest = source.slice(close + 1);
  // Nothing left, or a quantifier on the lookbehind (not valid with the u flag): keep it as written.
  return rest.length === 0 || /^[*+?{]/.test(rest) ? source : rest;
}
