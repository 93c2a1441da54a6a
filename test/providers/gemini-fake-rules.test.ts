import { describe, expect, it } from 'vitest';
import { geminiBodyProblem } from '../fakes/gemini-rules.js';

const user = (...parts: unknown[]) => ({ role: 'user', parts });
const model = (...parts: unknown[]) => ({ role: 'model', parts });
const body = (contents: unknown[], extra: Record<string, unknown> = {}) => ({
  contents,
  generationConfig: { maxOutputTokens: 100 },
  ...extra,
});
const call = (name = 'get_weather') => ({ functionCall: { name, args: { city: 'Paris' } } });
const response = (name = 'get_weather') => ({ functionResponse: { name, response: { output: '18°C' } } });
const tools = (...names: string[]) => [
  { functionDeclarations: names.map((name) => ({ name, description: '', parametersJsonSchema: { type: 'object' } })) },
];

describe('the Gemini fake refuses what generateContent refuses', () => {
  it.each([
    ['an unknown top-level field', body([user({ text: 'Hi' })], { max_tokens: 10 }), 'Unknown name "max_tokens": Cannot find field.'],
    [
      'an unknown generationConfig field',
      { contents: [user({ text: 'Hi' })], generationConfig: { maxTokens: 10 } },
      `Unknown name "maxTokens" at 'generation_config'`,
    ],
    ['an unknown part field', body([user({ text: 'Hi', type: 'text' })]), `Unknown name "type" at 'contents[0].parts[0]'`],
    ['no contents', body([]), 'contents is not specified'],
    ['an assistant role', body([{ role: 'assistant', parts: [{ text: 'Hi' }] }]), 'Please use a valid role: user, model.'],
    ['a system role', body([{ role: 'system', parts: [{ text: 'Be brief.' }] }, user({ text: 'Hi' })]), 'Please use a valid role'],
    ['empty parts', body([user()]), 'contents.parts must not be empty'],
    ['an empty text', body([user({ text: '' })]), "required oneof field 'data' must have one initialized field"],
    [
      'two data fields in one part',
      body([user({ text: 'Hi', inlineData: { mimeType: 'image/png', data: 'iVBOR' } })]),
      "oneof field 'data' is already set",
    ],
    [
      'args that are not an object',
      body([user({ text: 'Hi' }), model({ functionCall: { name: 'f', args: '{}' } })]),
      'google.protobuf.Struct',
    ],
    ['a function call turn first', body([model(call())]), 'function call turn comes immediately after a user turn'],
    [
      'fewer responses than calls',
      body([user({ text: 'Hi' }), model(call(), call('get_time')), user(response())], { tools: tools('get_weather', 'get_time') }),
      'number of function response parts is equal to the number of function call parts',
    ],
    [
      'a response to no call',
      body([user({ text: 'Hi' }), model({ text: 'Hello' }), user(response())]),
      'number of function response parts',
    ],
    ['a function name with a space', body([user({ text: 'Hi' })], { tools: tools('get weather') }), 'Invalid function name'],
    [
      'parameters beside parametersJsonSchema',
      body([user({ text: 'Hi' })], {
        tools: [{ functionDeclarations: [{ name: 'f', parameters: { type: 'OBJECT' }, parametersJsonSchema: {} }] }],
      }),
      'mutually exclusive',
    ],
    [
      'allowedFunctionNames with mode AUTO',
      body([user({ text: 'Hi' })], {
        tools: tools('f'),
        toolConfig: { functionCallingConfig: { mode: 'AUTO', allowedFunctionNames: ['f'] } },
      }),
      'only be set when mode is ANY',
    ],
    [
      'an allowed function that is not declared',
      body([user({ text: 'Hi' })], {
        tools: tools('f'),
        toolConfig: { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['g'] } },
      }),
      'function "g" is not declared',
    ],
    [
      'a response schema without the JSON mime type',
      { contents: [user({ text: 'Hi' })], generationConfig: { responseJsonSchema: { type: 'object' } } },
      'must be application/json',
    ],
    [
      'a thinking budget and a thinking level',
      { contents: [user({ text: 'Hi' })], generationConfig: { thinkingConfig: { thinkingBudget: 1024, thinkingLevel: 'LOW' } } },
      'only one of thinking budget and thinking level',
    ],
  ])('should refuse %s', (_, request, message) => {
    expect(geminiBodyProblem(request)).toContain(message);
  });

  it('should take a whole tool loop: parallel calls answered in one turn, then text', () => {
    expect(
      geminiBodyProblem(
        body(
          [
            user({ text: 'Weather and time in Paris?' }),
            model({ ...call(), thoughtSignature: 'skip_thought_signature_validator' }, call('get_time')),
            user(response(), response('get_time')),
            model({ text: 'It is 18 °C at noon.' }),
            user({ text: 'Thanks' }, { inlineData: { mimeType: 'image/png', data: 'iVBOR' } }),
          ],
          {
            systemInstruction: { parts: [{ text: 'Be brief.' }] },
            tools: tools('get_weather', 'get_time'),
            toolConfig: { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['get_time'] } },
            generationConfig: {
              maxOutputTokens: 100,
              responseMimeType: 'application/json',
              responseJsonSchema: { type: 'object' },
              thinkingConfig: { includeThoughts: true, thinkingBudget: 1024 },
            },
          },
        ),
      ),
    ).toBeUndefined();
  });
});
