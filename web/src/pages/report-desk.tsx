/** The desk list of /reportar: products and results with their due periods (filled when `reportingDesk` is in the API). */
export interface DeskData {
  templates: { plan: boolean; instancia: boolean };
}

export function DeskTable({ desk }: { desk: DeskData }) {
  void desk;
  return null;
}
