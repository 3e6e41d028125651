import { defineMessages } from "../define";

export const admin = defineMessages({
  da: {},
  en: {},
});
