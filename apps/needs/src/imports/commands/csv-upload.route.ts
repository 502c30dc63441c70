import type { RawBodyRoute } from '@bildungsraum/platform';

/** Query values as the DTO expects them: "true"/"false" become booleans, anything else stays for validation to refuse. */
function booleanOrAsIs(value: unknown): unknown {
  return value === 'true' ? true : value === 'false' ? false : value;
}

/**
 * `POST /need-imports` also takes the spreadsheet itself (`Content-Type: text/csv`), as
 * survey tools and `curl --data-binary @bedarfe.csv` send it; `fileName` and `submit` then come
 * from the query. The bytes travel on as `contentBase64`, so encoding checks, idempotency and
 * validation are the JSON upload's own. 4 MB matches the JSON variant's content limit.
 */
export const csvUploadRoute: RawBodyRoute = {
  path: '/need-imports',
  types: ['text/csv', 'application/csv'],
  limit: '4mb',
  toBody: (bytes, request) => {
    const { fileName, submit } = request.query;
    return {
      contentBase64: bytes.toString('base64'),
      ...(fileName !== undefined ? { fileName } : {}),
      ...(submit !== undefined ? { submit: booleanOrAsIs(submit) } : {}),
    };
  },
};
