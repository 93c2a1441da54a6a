/**
 * What Gemini (the Generative Language API and Vertex AI alike) refuses in a `generateContent`
 * body with a 400 INVALID_ARGUMENT, so that a test whose adapter sends what Google would refuse
 * fails. Only rules that are cheap to check and documented, in Google's wording where it is known:
 * - fields the API does not know (a protobuf JSON body: "Unknown name … Cannot find field");
 * - `contents` present; roles `user` or `model` only; no empty `parts`; each part exactly one of
 *   text, inlineData, fileData, functionCall, functionResponse (an empty text is no field at all);
 * - `functionCall.args` and `functionResponse.response` objects; a function-call turn right after
 *   a user turn or a function-response turn; as many responses as the calls of the turn before;
 * - function names as documented; `parameters` xor `parametersJsonSchema`; `allowedFunctionNames`
 *   only with mode ANY and naming declared functions;
 * - `responseJsonSchema` only with `responseMimeType: application/json` and not beside
 *   `responseSchema`; a thinking budget or a thinking level, not both.
 * @see https://ai.google.dev/api/generate-content#request-body
 * @see https://ai.google.dev/api/caching#Content
 * @see https://ai.google.dev/gemini-api/docs/function-calling
 * @see https://ai.google.dev/gemini-api/docs/troubleshooting
 */
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Known fields of each message, as in the v1beta reference (a subset of the newest, but a superset of what the gateway sends). */
const FIELDS = {
  request: ['contents', 'systemInstruction', 'tools', 'toolConfig', 'generationConfig', 'safetySettings', 'cachedContent', 'model'],
  content: ['role', 'parts'],
  part: [
    'text',
    'inlineData',
    'fileData',
    'functionCall',
    'functionResponse',
    'executableCode',
    'codeExecutionResult',
    'thought',
    'thoughtSignature',
    'videoMetadata',
    'partMetadata',
  ],
  tool: ['functionDeclarations', 'googleSearch', 'googleSearchRetrieval', 'codeExecution', 'urlContext', 'computerUse', 'fileSearch'],
  functionDeclaration: ['name', 'description', 'behavior', 'parameters', 'parametersJsonSchema', 'response', 'responseJsonSchema'],
  toolConfig: ['functionCallingConfig', 'retrievalConfig'],
  functionCallingConfig: ['mode', 'allowedFunctionNames'],
  generationConfig: [
    'stopSequences',
    'responseMimeType',
    'responseSchema',
    'responseJsonSchema',
    'responseModalities',
    'candidateCount',
    'maxOutputTokens',
    'temperature',
    'topP',
    'topK',
    'seed',
    'presencePenalty',
    'frequencyPenalty',
    'responseLogprobs',
    'logprobs',
    'enableEnhancedCivicAnswers',
    'speechConfig',
    'thinkingConfig',
    'imageConfig',
    'mediaResolution',
  ],
  thinkingConfig: ['includeThoughts', 'thinkingBudget', 'thinkingLevel'],
} as const;

const DATA_FIELDS = ['text', 'inlineData', 'fileData', 'functionCall', 'functionResponse', 'executableCode', 'codeExecutionResult'];
const FUNCTION_NAME = /^[A-Za-z_][A-Za-z0-9_.:-]{0,63}$/;

function unknownField(value: unknown, known: readonly string[], at: string): string | undefined {
  if (!isObject(value)) return undefined;
  const unknown = Object.keys(value).find((key) => !known.includes(key));
  if (unknown === undefined) return undefined;
  return `Invalid JSON payload received. Unknown name "${unknown}"${at ? ` at '${at}'` : ''}: Cannot find field.`;
}

function partProblem(part: unknown, at: string): string | undefined {
  const problem = unknownField(part, FIELDS.part, at);
  if (problem || !isObject(part)) return problem ?? `* GenerateContentRequest.${at}: must be an object`;
  // proto3: an empty string is an unset field.
  const set = DATA_FIELDS.filter((field) => part[field] !== undefined && part[field] !== '');
  if (set.length === 0) return `* GenerateContentRequest.${at}.data: required oneof field 'data' must have one initialized field`;
  if (set.length > 1) return `Invalid value at '${at}' (oneof field 'data' is already set. Cannot set '${set[1]}')`;
  if (part.inlineData !== undefined) {
    const inline = isObject(part.inlineData) ? part.inlineData : {};
    if (typeof inline.mimeType !== 'string' || typeof inline.data !== 'string' || inline.data === '')
      return `* GenerateContentRequest.${at}.inline_data: mime_type and data are required`;
  }
  if (part.functionCall !== undefined) {
    const call = isObject(part.functionCall) ? part.functionCall : {};
    if (typeof call.name !== 'string' || call.name === '')
      return `* GenerateContentRequest.${at}.function_call.name: name is not specified`;
    if (call.args !== undefined && !isObject(call.args))
      return `Invalid value at '${at}.function_call.args' (type.googleapis.com/google.protobuf.Struct)`;
  }
  if (part.functionResponse !== undefined) {
    const response = isObject(part.functionResponse) ? part.functionResponse : {};
    if (typeof response.name !== 'string' || response.name === '')
      return `* GenerateContentRequest.${at}.function_response.name: name is not specified`;
    if (!isObject(response.response))
      return `Invalid value at '${at}.function_response.response' (type.googleapis.com/google.protobuf.Struct)`;
  }
  return undefined;
}

const count = (parts: unknown[], field: string) => parts.filter((part) => isObject(part) && part[field] !== undefined).length;

function contentsProblem(contents: unknown): string | undefined {
  const list = listOf(contents);
  if (list.length === 0) return '* GenerateContentRequest.contents: contents is not specified';
  for (const [i, content] of list.entries()) {
    const at = `contents[${i}]`;
    const problem = unknownField(content, FIELDS.content, at);
    if (problem) return problem;
    const { role, parts } = isObject(content) ? content : {};
    if (role !== 'user' && role !== 'model') return 'Please use a valid role: user, model.';
    if (listOf(parts).length === 0) return `* GenerateContentRequest.${at}.parts: contents.parts must not be empty.`;
    for (const [j, part] of listOf(parts).entries()) {
      const partIssue = partProblem(part, `${at}.parts[${j}]`);
      if (partIssue) return partIssue;
    }
    const calls = count(listOf(parts), 'functionCall');
    const previous = i > 0 ? listOf((list[i - 1] as Json).parts) : [];
    const previousRole = i > 0 ? (list[i - 1] as Json).role : undefined;
    if (calls > 0 && previousRole !== 'user')
      return 'Please ensure that function call turn comes immediately after a user turn or after a function response turn.';
    const responses = count(listOf(parts), 'functionResponse');
    const asked = previousRole === 'model' ? count(previous, 'functionCall') : 0;
    if ((responses > 0 || asked > 0) && responses !== asked)
      return 'Please ensure that the number of function response parts is equal to the number of function call parts of the function call turn.';
  }
  return undefined;
}

function toolsProblem(body: Json): string | undefined {
  const names: string[] = [];
  for (const [i, tool] of listOf(body.tools).entries()) {
    const problem = unknownField(tool, FIELDS.tool, `tools[${i}]`);
    if (problem) return problem;
    for (const [j, declaration] of listOf(isObject(tool) ? tool.functionDeclarations : undefined).entries()) {
      const at = `tools[${i}].function_declarations[${j}]`;
      const unknown = unknownField(declaration, FIELDS.functionDeclaration, at);
      if (unknown || !isObject(declaration)) return unknown ?? `Invalid value at '${at}'`;
      if (typeof declaration.name !== 'string' || !FUNCTION_NAME.test(declaration.name))
        return `* GenerateContentRequest.${at}.name: Invalid function name. Must start with a letter or an underscore. Must be alphameric (a-z, A-Z, 0-9), underscores (_), dots (.), colons (:), or dashes (-), with a maximum length of 64.`;
      if (declaration.parameters !== undefined && declaration.parametersJsonSchema !== undefined)
        return `* GenerateContentRequest.${at}: parameters and parameters_json_schema are mutually exclusive.`;
      if (declaration.parametersJsonSchema !== undefined && !isObject(declaration.parametersJsonSchema))
        return `Invalid value at '${at}.parameters_json_schema'`;
      names.push(declaration.name);
    }
  }
  const config = body.toolConfig;
  const problem = unknownField(config, FIELDS.toolConfig, 'tool_config');
  if (problem || !isObject(config)) return problem;
  const calling = config.functionCallingConfig;
  const callingProblem = unknownField(calling, FIELDS.functionCallingConfig, 'tool_config.function_calling_config');
  if (callingProblem || !isObject(calling)) return callingProblem;
  if (!['AUTO', 'ANY', 'NONE', 'VALIDATED', undefined].includes(calling.mode as string))
    return `Invalid value at 'tool_config.function_calling_config.mode' (type.googleapis.com/google.ai.generativelanguage.v1beta.FunctionCallingConfig.Mode), "${String(calling.mode)}"`;
  const allowed = listOf(calling.allowedFunctionNames);
  if (allowed.length > 0 && calling.mode !== 'ANY')
    return '* GenerateContentRequest.tool_config.function_calling_config.allowed_function_names: allowed_function_names can only be set when mode is ANY.';
  const stray = allowed.find((name) => !names.includes(String(name)));
  if (stray !== undefined)
    return `* GenerateContentRequest.tool_config.function_calling_config.allowed_function_names: function "${String(stray)}" is not declared in tools.`;
  return undefined;
}

function generationConfigProblem(config: unknown): string | undefined {
  const problem = unknownField(config, FIELDS.generationConfig, 'generation_config');
  if (problem || !isObject(config)) return problem;
  const thinkingProblem = unknownField(config.thinkingConfig, FIELDS.thinkingConfig, 'generation_config.thinking_config');
  if (thinkingProblem) return thinkingProblem;
  if (config.responseJsonSchema !== undefined && config.responseSchema !== undefined)
    return '* GenerateContentRequest.generation_config: response_schema and response_json_schema are mutually exclusive.';
  if ((config.responseJsonSchema !== undefined || config.responseSchema !== undefined) && config.responseMimeType !== 'application/json')
    return '* GenerateContentRequest.generation_config.response_mime_type: must be application/json when a response schema is set.';
  const thinking = isObject(config.thinkingConfig) ? config.thinkingConfig : {};
  if (thinking.thinkingBudget !== undefined && thinking.thinkingLevel !== undefined)
    return 'You can only set only one of thinking budget and thinking level.';
  if (thinking.thinkingLevel !== undefined && !['MINIMAL', 'LOW', 'MEDIUM', 'HIGH'].includes(String(thinking.thinkingLevel)))
    return `Invalid value at 'generation_config.thinking_config.thinking_level', "${String(thinking.thinkingLevel)}"`;
  return undefined;
}

function systemInstructionProblem(system: unknown): string | undefined {
  if (system === undefined) return undefined;
  const problem = unknownField(system, FIELDS.content, 'system_instruction');
  if (problem || !isObject(system)) return problem ?? "Invalid value at 'system_instruction'";
  for (const [j, part] of listOf(system.parts).entries()) {
    const partIssue = partProblem(part, `system_instruction.parts[${j}]`);
    if (partIssue) return partIssue;
  }
  return undefined;
}

/** The message of the 400 INVALID_ARGUMENT Gemini would answer to this body, or undefined if it would take it. */
export function geminiBodyProblem(body: unknown): string | undefined {
  if (!isObject(body)) return 'Invalid JSON payload received. Expected an object.';
  return (
    unknownField(body, FIELDS.request, '') ??
    contentsProblem(body.contents) ??
    systemInstructionProblem(body.systemInstruction) ??
    toolsProblem(body) ??
    generationConfigProblem(body.generationConfig)
  );
}

/**
 * The 400 Gemini would answer to a `batchEmbedContents` body for `model`, or undefined: at most
 * 100 requests, each for the model of the URL, with non-empty content and no unknown field.
 * @see https://ai.google.dev/api/embeddings#method:-models.batchembedcontents
 */
export function batchEmbedProblem(model: string, body: unknown): string | undefined {
  if (!isObject(body)) return 'Invalid JSON payload received. Expected an object.';
  const unknown = unknownField(body, ['requests'], '');
  if (unknown) return unknown;
  const requests = listOf(body.requests);
  if (requests.length === 0) return '* BatchEmbedContentsRequest.requests: requests is not specified';
  if (requests.length > 100) return '* BatchEmbedContentsRequest.requests: at most 100 requests can be in one batch';
  for (const [i, request] of requests.entries()) {
    const problem = unknownField(request, ['model', 'content', 'taskType', 'title', 'outputDimensionality'], `requests[${i}]`);
    if (problem || !isObject(request)) return problem ?? `Invalid value at 'requests[${i}]'`;
    if (request.model !== `models/${model}`)
      return `* BatchEmbedContentsRequest.requests[${i}].model: the model of each request must be the model of the batch (models/${model})`;
    const parts = listOf(isObject(request.content) ? request.content.parts : undefined);
    if (parts.length === 0) return `* BatchEmbedContentsRequest.requests[${i}].content.parts: contents.parts must not be empty.`;
    for (const [j, part] of parts.entries()) {
      const partIssue = partProblem(part, `requests[${i}].content.parts[${j}]`);
      if (partIssue) return partIssue;
    }
  }
  return undefined;
}
