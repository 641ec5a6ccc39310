/**
 * Encoders written independently of the decoder under test: only the letters the tests use,
 * taken from the published windows-1250 / windows-1252 code charts.
 */
const WINDOWS_1250_LETTERS: Record<string, number> = {
  Š: 0x8a,
  Ť: 0x8d,
  Ž: 0x8e,
  š: 0x9a,
  ť: 0x9d,
  ž: 0x9e,
  Č: 0xc8,
  Ě: 0xcc,
  Ř: 0xd8,
  Ů: 0xd9,
  á: 0xe1,
  č: 0xe8,
  é: 0xe9,
  ě: 0xec,
  í: 0xed,
  ď: 0xef,
  ň: 0xf2,
  ó: 0xf3,
  ř: 0xf8,
  ů: 0xf9,
  ú: 0xfa,
  ý: 0xfd,
};

const WINDOWS_1252_LETTERS: Record<string, number> = {
  '€': 0x80,
  à: 0xe0,
  ç: 0xe7,
  è: 0xe8,
  é: 0xe9,
  ê: 0xea,
  ñ: 0xf1,
  ô: 0xf4,
  û: 0xfb,
  ü: 0xfc,
};

function encodeWith(table: Record<string, number>, text: string): Buffer {
  return Buffer.from(
    [...text].map((character) => {
      const code = character.charCodeAt(0);
      if (code < 0x80) return code;
      const byte = table[character];
      if (byte === undefined) throw new Error(`test encoder has no byte for '${character}'`);
      return byte;
    }),
  );
}

export const encodeWindows1250 = (text: string): Buffer => encodeWith(WINDOWS_1250_LETTERS, text);
export const encodeWindows1252 = (text: string): Buffer => encodeWith(WINDOWS_1252_LETTERS, text);
