/** Every command group and its verbs: the one list completion is made from. */
export const COMMANDS: Readonly<Record<string, readonly string[]>> = {
  app: ["list", "show", "add", "update", "plan", "scale", "restart", "remove"],
  task: ["list", "kill"],
  logs: [],
  deployment: ["list", "watch", "rollback"],
  queue: [],
  agent: ["list"],
  framework: ["list", "show", "teardown"],
  events: [],
  role: ["list", "weight", "reset"],
  token: ["list", "create", "revoke"],
  job: ["list", "show", "add", "remove", "run", "stop", "runs", "history"],
  top: [],
  completion: ["bash", "zsh"],
  help: [],
  version: [],
};

export const FLAGS: readonly string[] = [
  "--url",
  "--jobs-url",
  "--token",
  "--json",
  "--output",
  "--force",
  "--help",
  "--version",
  "--app",
  "--team",
  "--sort",
  "--interval",
  "--once",
  "--follow",
  "--tail",
  "--stderr",
  "--stdout",
  "--type",
  "--scale",
  "--name",
  "--scope",
  "--admin",
];

const groups = Object.keys(COMMANDS).join(" ");
const flags = FLAGS.join(" ");
const verbCases = (indent: string, each: (group: string, verbs: string) => string) =>
  Object.entries(COMMANDS)
    .filter(([, verbs]) => verbs.length > 0)
    .map(([g, verbs]) => `${indent}${each(g, verbs.join(" "))}`)
    .join("\n");

/** A bash completion script: `source <(berth completion bash)`. */
export function bashCompletion(): string {
  return `# berth completion for bash: source <(berth completion bash)
_berth() {
  local cur=\${COMP_WORDS[COMP_CWORD]}
  COMPREPLY=()
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "${flags}" -- "$cur"))
  elif [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=($(compgen -W "${groups}" -- "$cur"))
  elif [[ $COMP_CWORD -eq 2 ]]; then
    case \${COMP_WORDS[1]} in
${verbCases("      ", (g, verbs) => `${g}) COMPREPLY=($(compgen -W "${verbs}" -- "$cur")) ;;`)}
    esac
  fi
}
complete -F _berth berth`;
}

/** A zsh completion script: `source <(berth completion zsh)`, or saved as _berth on $fpath. */
export function zshCompletion(): string {
  return `#compdef berth
# berth completion for zsh: source <(berth completion zsh)
_berth() {
  if [[ $words[CURRENT] == -* ]]; then
    compadd -- ${flags}
  elif (( CURRENT == 2 )); then
    compadd -- ${groups}
  elif (( CURRENT == 3 )); then
    case $words[2] in
${verbCases("      ", (g, verbs) => `${g}) compadd -- ${verbs} ;;`)}
    esac
  fi
}
if (( $+functions[compdef] )); then compdef _berth berth; fi`;
}
