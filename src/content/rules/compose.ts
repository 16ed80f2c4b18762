/**
 * Container names that only exist in a `docker run` deployment. The upstream compose file for these
 * services sets no `container_name`, so under docker-compose the container is called e.g.
 * `docker-compose-gptlink-1` and `docker exec gptlink …` fails with "No such container". A section
 * that gives such a command must give the compose form beside it (`docker-compose exec gptlink …`,
 * or `docker cp … "$(docker-compose ps -q gptlink)":…`).
 */
export const COMPOSE_SERVICES: readonly string[] = ["gptlink"];

export interface ContainerCommand {
  readonly index: number;
  readonly text: string;
  readonly service: string;
}

const DOCKER_VERBS = "(?:exec|cp|restart|logs|stop|start|kill|inspect|top|attach|rm)";

function containerPattern(service: string): RegExp {
  // `docker <verb> [options] gptlink`, or `gptlink:` as the container side of `docker cp`.
  return new RegExp(`\\bdocker\\s+${DOCKER_VERBS}\\b[^\\n|;&]*?(?<![\\w./-])${service}(?=:|\\s|$)`, "g");
}

function composePattern(service: string): RegExp {
  return new RegExp(`\\bdocker(?:-compose|\\s+compose)\\b[^\\n|;&]*?(?<![\\w./-])${service}(?![\\w.-])`);
}

/** `docker …` commands in `code` that name one of the services as a container. */
export function containerCommands(code: string): ContainerCommand[] {
  return COMPOSE_SERVICES.flatMap((service) =>
    [...code.matchAll(containerPattern(service))].map((m) => ({ index: m.index, text: m[0], service })),
  );
}

/** Whether `code` gives a compose command for `service`. */
export function hasComposeCommand(code: string, service: string): boolean {
  return composePattern(service).test(code);
}
