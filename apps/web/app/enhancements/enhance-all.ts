type Component = { new (root: Element): unknown; moduleName: string };

/**
 * Starts nhsuk-frontend's `component` on each of its elements under `scope` (as its `createAll`
 * does, which lives in the package's index with every other component). An element that cannot be
 * enhanced keeps working as served, so one failure is logged and the rest still run.
 */
export function enhanceAll(scope: ParentNode, component: Component): void {
  for (const element of scope.querySelectorAll(`[data-module="${component.moduleName}"]`)) {
    try {
      new component(element);
    } catch (error) {
      console.warn(error);
    }
  }
}
