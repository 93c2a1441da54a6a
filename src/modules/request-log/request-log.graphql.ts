import { builder } from '../../graphql/builder.js';
import { screamingEnumValues } from '../../graphql/enums.js';
import { REQUEST_LOG_MODES } from '../../core/records/request-log.js';

export const RequestLogModeEnum = builder.enumType('RequestLogMode', {
  description:
    "How much of a request the request log keeps. OFF: only the accounting (model, usage, cost, status, timings, attempts, error code) that costs and budgets are computed from. METADATA: also the answer's text and tool calls and the error message. FULL: also the request (messages, tools, parameters). What is kept is redacted first. A key's mode wins over its model's, which wins over the gateway's (requestLog.mode).",
  values: screamingEnumValues(REQUEST_LOG_MODES),
});
