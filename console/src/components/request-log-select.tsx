import type { RequestLogMode } from '../gql/graphql';

export const REQUEST_LOG_MODES: RequestLogMode[] = ['OFF', 'METADATA', 'FULL'];

/**
 * The request log's mode for a key or a model: off, metadata, full, or '' — inherit (a key: its
 * model's, else the gateway's; a model: the gateway's `requestLog.mode`).
 */
export function RequestLogSelect({
  name,
  value,
  inherit,
  onChange,
  disabled,
}: {
  name: string;
  value: RequestLogMode | '';
  inherit: string;
  onChange(mode: RequestLogMode | ''): void;
  disabled?: boolean;
}) {
  return (
    <select name={name} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as RequestLogMode | '')}>
      <option value="">{inherit}</option>
      {REQUEST_LOG_MODES.map((m) => (
        <option key={m} value={m}>
          {m.toLowerCase()}
        </option>
      ))}
    </select>
  );
}
