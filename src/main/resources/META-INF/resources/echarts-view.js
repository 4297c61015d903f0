// <echarts-view>: an Apache ECharts chart as a custom element, for base.ui.EChart.
// No modules (no npm build here): uses the global `echarts` from the WebJar script.
// The options arrive as a JSON string property `option` (kept by Vaadin across re-attach);
// a click on a bar, point, slice or cell dispatches `chart-click` with the item's name, series,
// value and the `drill` data the Java side put on the data item.
(function () {
  if (customElements.get('echarts-view')) {
    return;
  }
  class EChartsView extends HTMLElement {
    constructor() {
      super();
      this._chart = null;
      this._option = null;
    }

    static get observedAttributes() {
      return ['renderer'];
    }

    connectedCallback() {
      if (!this.style.display) {
        this.style.display = 'block';
      }
      this._ensure();
      this._resizer = new ResizeObserver(() => this._chart && this._chart.resize());
      this._resizer.observe(this);
    }

    disconnectedCallback() {
      if (this._resizer) {
        this._resizer.disconnect();
      }
      if (this._chart) {
        this._chart.dispose();
        this._chart = null;
      }
    }

    set option(json) {
      this._option = json;
      this._apply();
    }

    get option() {
      return this._option;
    }

    _ensure() {
      if (this._chart || !this.isConnected) {
        return;
      }
      if (typeof echarts === 'undefined') {
        // the library script is still loading: try again shortly
        clearTimeout(this._retry);
        this._retry = setTimeout(() => this._apply(), 50);
        return;
      }
      this._chart = echarts.init(this, null, { renderer: this.getAttribute('renderer') || 'canvas' });
      this._chart.on('click', (p) => {
        const data = p.data && typeof p.data === 'object' ? p.data : {};
        this.dispatchEvent(new CustomEvent('chart-click', {
          detail: {
            name: p.name == null ? '' : String(p.name),
            series: p.seriesName == null ? '' : String(p.seriesName),
            value: Array.isArray(p.value) ? p.value.join(',') : (p.value == null ? '' : String(p.value)),
            drill: data.drill == null ? '' : String(data.drill)
          }
        }));
      });
      this._apply();
    }

    _apply() {
      this._ensure();
      if (!this._chart || !this._option) {
        return;
      }
      const option = JSON.parse(this._option);
      this._chart.setOption(option, true);
    }

    /** The chart as a data URL: 'png' or 'svg' (an SVG needs the svg renderer: made off screen). */
    image(type) {
      this._ensure();
      if (!this._chart) {
        return '';
      }
      if (type === 'svg') {
        const box = document.createElement('div');
        box.style.cssText = 'position:absolute;left:-10000px;top:0;width:' + this.clientWidth
            + 'px;height:' + this.clientHeight + 'px';
        document.body.appendChild(box);
        const svg = echarts.init(box, null, { renderer: 'svg' });
        const option = JSON.parse(this._option);
        option.animation = false;
        svg.setOption(option);
        const url = svg.getDataURL({ type: 'svg' });
        svg.dispose();
        box.remove();
        return url;
      }
      return this._chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    }
  }
  customElements.define('echarts-view', EChartsView);
})();
