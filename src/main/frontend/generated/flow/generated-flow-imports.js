import '@vaadin/polymer-legacy-adapter/style-modules.js';
import '@vaadin/vertical-layout/src/vaadin-vertical-layout.js';
import '@vaadin/login/src/vaadin-login-form.js';
import '@vaadin/select/src/vaadin-select.js';
import 'Frontend/generated/jar-resources/selectConnector.js';
import '@vaadin/tooltip/src/vaadin-tooltip.js';
import 'Frontend/generated/jar-resources/flow-component-renderer.js';
import 'Frontend/generated/jar-resources/lit-renderer.ts';
import '@vaadin/app-layout/src/vaadin-app-layout.js';
import '@vaadin/app-layout/src/vaadin-drawer-toggle.js';
import '@vaadin/button/src/vaadin-button.js';
import 'Frontend/generated/jar-resources/disableOnClickFunctions.js';
import '@vaadin/icons/vaadin-iconset.js';
import '@vaadin/icon/src/vaadin-icon.js';
import '@vaadin/horizontal-layout/src/vaadin-horizontal-layout.js';
import '@vaadin/scroller/src/vaadin-scroller.js';
import '@vaadin/side-nav/src/vaadin-side-nav.js';
import '@vaadin/side-nav/src/vaadin-side-nav-item.js';
import '@vaadin/vaadin-lumo-styles/color-global.js';
import '@vaadin/vaadin-lumo-styles/typography-global.js';
import '@vaadin/vaadin-lumo-styles/sizing.js';
import '@vaadin/vaadin-lumo-styles/spacing.js';
import '@vaadin/vaadin-lumo-styles/style.js';
import '@vaadin/vaadin-lumo-styles/vaadin-iconset.js';
import '@vaadin/common-frontend/ConnectionIndicator.js';
import 'Frontend/generated/jar-resources/ReactRouterOutletElement.tsx';

const loadOnDemand = (key) => {
  const pending = [];
  if (key === '203bacdf597c47259522dd4839409ac05dc8e6e101d7ca4b8d74abb663bdd444') {
    pending.push(import('./chunks/chunk-8c4127b833769c6c34737b980d23c262f981a73cb0341900193d5ae7a87e3c50.js'));
  }
  if (key === 'f45023113b9cddd45654bdaf114680f62933a59a3fd8b28c88627ec5dc1cd548') {
    pending.push(import('./chunks/chunk-bbc328534beb918720edf9271b00f259c78db63eab1b2c57a9c3b5d2ba2c6db2.js'));
  }
  if (key === '3db5047fb7cf0a066fb020a0a07cacb37802727a7dfc2d48ecea4b415addc796') {
    pending.push(import('./chunks/chunk-77f8d7d166020527c16ef99151fd0330d9f8ce3eaca979474d70e95201ee0c85.js'));
  }
  if (key === '3f34d04926e2c00dc57b896f1652d6186bcef3531e0a09c4a18f37da6cf43218') {
    pending.push(import('./chunks/chunk-5953c5ec892f3b76e466255a4b78465821923ba8c6d790cfa7659d7310eb9a9d.js'));
  }
  if (key === '857d09d2114f15b49da2455df35fcb410ac6583b945e24b58ba56bdd9eaefcd7') {
    pending.push(import('./chunks/chunk-6c14caae9634f438bcfdf766bf368239eb1e5a3e23f2e1a101403af930d5224a.js'));
  }
  if (key === '6ad5d47afc28e880ce9257e9e05d75c8f82d06feeffae84a0e8d7084572f2a4c') {
    pending.push(import('./chunks/chunk-ecb64b1ce3d63a4b85d97881225ce876434e84684d5f759556d008fea5253dec.js'));
  }
  if (key === '4c2cfd7c9f56fd0d2f3865c980db62a62bb24d8826cb0130bdfc329f7a39b20a') {
    pending.push(import('./chunks/chunk-8c4127b833769c6c34737b980d23c262f981a73cb0341900193d5ae7a87e3c50.js'));
  }
  if (key === '9fdb7f68f594015dd37e42b5d3f0dae27b13cd6377376e44b558257459129f80') {
    pending.push(import('./chunks/chunk-1787cd671036124f5852a4010157603228660191600bcaf43dc7a99c27fd721c.js'));
  }
  if (key === '8940606d34666ab5c7dc83018d58039f36540d0a1df9724053abbc253a24caca') {
    pending.push(import('./chunks/chunk-1186117ca99f484038b26029df595eb7fea4f1b7a14604d06a75d4dccec135e4.js'));
  }
  return Promise.all(pending);
}

window.Vaadin = window.Vaadin || {};
window.Vaadin.Flow = window.Vaadin.Flow || {};
window.Vaadin.Flow.loadOnDemand = loadOnDemand;
window.Vaadin.Flow.resetFocus = () => {
 let ae=document.activeElement;
 while(ae&&ae.shadowRoot) ae = ae.shadowRoot.activeElement;
 return !ae || ae.blur() || ae.focus() || true;
}