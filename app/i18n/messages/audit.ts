import { defineMessages } from "../define";

export const audit = defineMessages({
  da: {},
  en: {},
});
