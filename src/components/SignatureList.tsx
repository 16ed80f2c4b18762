import { CopyButton } from "./CopyButton";

/** The exact error strings of an entry or cause, as code chips that can each be copied. */
export function SignatureList({ signatures, label = "报错特征" }: { signatures: readonly string[]; label?: string }) {
  if (signatures.length === 0) return null;
  return (
    <div className="signatures">
      <span className="signatures-label">{label}</span>
      <ul>
        {signatures.map((signature) => (
          <li key={signature}>
            <code className="signature">{signature}</code>
            <CopyButton text={signature} label={`复制：${signature}`} />
          </li>
        ))}
      </ul>
    </div>
  );
}
