// The list's URL parameters and the ranking form's schema live in
// ~/utils/application-list-params, where the list and statistics services read them too.
export * from "~/utils/application-list-params";
