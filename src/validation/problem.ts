// A validation failure as data: which field broke which rule, with the values the message needs.
// Validators return problems instead of throwing so the CSV import can collect every bad cell of
// every row; mutations turn the first problem into an AppError (see services/validate.ts).
export interface Problem {
  /** path of the offending input, e.g. `input.mobile` or (in a CSV) the column name */
  field: string;
  /** message-catalogue key, e.g. `mobile.invalid` */
  rule: string;
  params?: Record<string, string | number>;
}

export function problem(field: string, rule: string, params?: Record<string, string | number>): Problem {
  return params ? { field, rule, params } : { field, rule };
}
