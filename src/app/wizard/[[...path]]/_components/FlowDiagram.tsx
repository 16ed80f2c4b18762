import type { ChoiceNode, WizardGraph } from "@/wizard/model";
import { layoutFlow, NODE } from "@/wizard/diagram";
import type { TrailItem } from "@/wizard/engine";

/**
 * The map of an authored flow with the path so far highlighted: an SVG with every label whole and
 * wrapped on wide screens, and the same flow as a vertical list of questions and answers on narrow
 * ones (where a wide chart would only scroll). Folded away under a summary line either way.
 */
export function FlowDiagram({ graph, node, trail }: { graph: WizardGraph; node: ChoiceNode; trail: readonly TrailItem[] }) {
  const flowId = node.flow?.id;
  if (!flowId) return null;
  const diagram = layoutFlow(graph, flowId, trail, node);
  const at = new Map(diagram.nodes.map((n) => [n.id, n]));
  const steps = [...graph.nodes.values()].filter((n) => n.flow?.id === flowId);
  const taken = new Set(trail.flatMap((t) => (t.position.kind === "choice" ? [`${t.position.node.id}→${t.answer.key}`] : [])));
  const number = new Map(steps.map((s, i) => [s.id, i + 1]));
  return (
    <details className="wizard-diagram" open>
      <summary>流程图：{node.wizard.title}（高亮的是你走过的路径）</summary>
      <div className="diagram-wide diagram-scroll" tabIndex={0} role="region" aria-label="流程图（可横向滚动）">
        <svg viewBox={`0 0 ${diagram.width} ${diagram.height}`} width={diagram.width} height={diagram.height} role="img" aria-label={`${node.wizard.title} 的流程图，共 ${steps.length} 个问题`}>
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
            const y1 = from.y + from.height;
            const x2 = to.x + NODE.width / 2;
            const y2 = to.y;
            const d = y2 > y1 ? `M ${x1} ${y1} C ${x1} ${y1 + 20}, ${x2} ${y2 - 20}, ${x2} ${y2 - 2}` : `M ${x1} ${y1} L ${x2} ${y2 - 2}`;
            return (
              <path key={`${edge.from}>${edge.to}`} d={d} className={edge.taken ? "diagram-edge taken" : "diagram-edge"} markerEnd="url(#arrow)">
                <title>{edge.label}</title>
              </path>
            );
          })}
          {diagram.nodes.map((n) => (
            <g key={n.id} transform={`translate(${n.x} ${n.y})`} className={`diagram-node kind-${n.kind}${n.visited ? " visited" : ""}${n.current ? " current" : ""}`}>
              <rect width={NODE.width} height={n.height} rx="8" />
              <text x={NODE.width / 2} y={NODE.padY} textAnchor="middle" fontSize={NODE.fontSize}>
                {n.lines.map((line, i) => (
                  <tspan key={i} x={NODE.width / 2} dy={i === 0 ? NODE.lineHeight - 4 : NODE.lineHeight}>
                    {line}
                  </tspan>
                ))}
              </text>
            </g>
          ))}
        </svg>
      </div>
      <ol className="diagram-narrow flow-outline">
        {steps.map((step) => (
          <li key={step.id} className={step.id === node.id ? "current" : undefined} aria-current={step.id === node.id ? "step" : undefined}>
            <p className="outline-question">{step.question}</p>
            <ul>
              {step.options.map((option) => {
                const to = diagram.targets.get(`${step.id}→${option.key}`) ?? "";
                const n = number.get(to);
                return (
                  <li key={option.key} className={taken.has(`${step.id}→${option.key}`) ? "taken" : undefined}>
                    {option.label} → {n ? `第 ${n} 个问题` : (at.get(to)?.label ?? "")}
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ol>
    </details>
  );
}
