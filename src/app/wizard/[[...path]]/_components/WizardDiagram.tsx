import type { TrailItem } from "@/wizard/engine";
import { layoutWizard, NODE } from "@/wizard/diagram";
import type { Step, WizardGraph } from "@/wizard/model";

const MAX_LABEL = 11;
const clip = (text: string) => (text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL)}…` : text);

/** The map of the current wizard as an SVG drawn on the server, with the path so far highlighted. */
export function WizardDiagram({ graph, step, trail }: { graph: WizardGraph; step: Step; trail: readonly TrailItem[] }) {
  const diagram = layoutWizard(graph, step, trail);
  const at = new Map(diagram.nodes.map((n) => [n.id, n]));
  return (
    <figure className="wizard-diagram">
      <figcaption>流程图：{step.wizard.title}（高亮的是你走过的路径）</figcaption>
      <div className="diagram-scroll">
        <svg
          viewBox={`0 0 ${diagram.width} ${diagram.height}`}
          width={diagram.width}
          height={diagram.height}
          role="img"
          aria-label={`${step.wizard.title} 的流程图，共 ${diagram.nodes.length} 个节点`}
        >
          <defs>
            <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" className="diagram-arrow" />
            </marker>
          </defs>
          {diagram.edges.map((edge) => {
            const from = at.get(edge.from);
            const to = at.get(edge.to);
            if (!from || !to) return null;
            const x1 = from.x + NODE.width / 2;
            const y1 = from.y + NODE.height;
            const x2 = to.x + NODE.width / 2;
            const y2 = to.y;
            const d = y2 > y1 ? `M ${x1} ${y1} C ${x1} ${y1 + 24}, ${x2} ${y2 - 24}, ${x2} ${y2 - 2}` : `M ${x1} ${y1} L ${x2} ${y2 - 2}`;
            return (
              <path key={`${edge.from}>${edge.to}>${edge.label}`} d={d} className={edge.taken ? "diagram-edge taken" : "diagram-edge"} markerEnd="url(#arrow)">
                <title>{edge.label}</title>
              </path>
            );
          })}
          {diagram.nodes.map((node) => (
            <g
              key={node.id}
              transform={`translate(${node.x} ${node.y})`}
              className={`diagram-node kind-${node.kind}${node.visited ? " visited" : ""}${node.current ? " current" : ""}`}
            >
              <title>{node.label}</title>
              <rect width={NODE.width} height={NODE.height} rx="8" />
              <text x={NODE.width / 2} y={NODE.height / 2 + 5} textAnchor="middle">
                {clip(node.label)}
              </text>
            </g>
          ))}
        </svg>
      </div>
    </figure>
  );
}
