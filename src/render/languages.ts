import dockerfile from "highlight.js/lib/languages/dockerfile";
import dos from "highlight.js/lib/languages/dos";
import nginx from "highlight.js/lib/languages/nginx";
import powershell from "highlight.js/lib/languages/powershell";
import { common } from "lowlight";

/**
 * The languages code blocks are highlighted in: lowlight's common set (bash, shell, yaml, json,
 * ini, sql, javascript, …) plus what our readers paste most that it lacks — PowerShell, Windows
 * cmd, nginx and Dockerfile — and the names authors actually write for them.
 */
export const languages = { ...common, dockerfile, dos, nginx, powershell };

export const aliases: Readonly<Record<string, readonly string[]>> = {
  bash: ["sh", "zsh"],
  dos: ["cmd", "bat", "batch"],
  ini: ["env", "dotenv", "conf", "properties"],
  powershell: ["ps", "ps1", "pwsh"],
  plaintext: ["text", "txt", "log", "output"],
  yaml: ["yml"],
  dockerfile: ["docker"],
};

/** Blocks tagged with these are shown as-is, without a highlighting pass. */
export const plainText = ["text", "txt", "log", "output", "plaintext"];
