import { defineMessages } from "../define";

export const applicationLists = defineMessages({
  da: {},
  en: {},
});
