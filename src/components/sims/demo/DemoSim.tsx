import { scaleLinear } from 'd3-scale';
import { Chart, defaultMargin } from '../../charts/Chart';
import { AxisBottom, AxisLeft } from '../../charts/Axes';
import { LinePath } from '../../charts/LinePath';
import { Slider } from '../../controls/Slider';
import { Toggle } from '../../controls/Toggle';
import { SimFrame } from '../../controls/SimFrame';
import { useFigureState } from '../../controls/useFigureState';
import { defineSchema } from '../../controls/urlState';

const schema = defineSchema({
  k: { kind: 'float', min: 0.5, max: 5, default: 1 },
  flip: { kind: 'bool', default: false },
});

export default function DemoSim() {
  const { state, set, reset, link } = useFigureState('demo', schema, 1);
  const W = 480, H = 260, iw = W - defaultMargin.left - defaultMargin.right, ih = H - defaultMargin.top - defaultMargin.bottom;
  const x = scaleLinear().domain([0, 1]).range([0, iw]);
  const y = scaleLinear().domain([-1, 1]).range([ih, 0]);
  const xs = Array.from({ length: 101 }, (_, i) => i / 100);
  const ys = xs.map((v) => (state.flip ? -1 : 1) * Math.sin(2 * Math.PI * state.k * v));
  return (
    <SimFrame fig="demo" title="演示" caption="一个演示图。" summary={`频率 ${state.k}`} shareLink={link} onReset={reset}
      controls={<><Slider label="频率" value={state.k} min={0.5} max={5} step={0.1} onChange={(k) => set({ k })} /><Toggle label="翻转" checked={state.flip} onChange={(flip) => set({ flip })} /></>}
      table={{ caption: '采样', columns: ['x', 'y'], rows: xs.slice(0, 5).map((v, i) => [v, ys[i]!.toFixed(3)]) }}>
      <Chart width={W} height={H} label="正弦曲线">
        <AxisBottom scale={x} size={ih} label="x" />
        <AxisLeft scale={y} size={iw} label="y" />
        <LinePath xs={xs} ys={ys} x={x} y={y} stroke="var(--c1)" />
      </Chart>
    </SimFrame>
  );
}
