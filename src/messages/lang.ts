/** The languages every surface speaks: Japanese first, English alongside. */
export type Lang = 'ja' | 'en';
