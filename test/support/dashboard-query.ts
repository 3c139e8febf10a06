/** The dashboard query of docs/api-cifras.md, verbatim. */
export const DASHBOARD_QUERY = /* GraphQL */ `
  query Dashboard($code: String!, $cut: Date) {
    policy(code: $code) {
      code
      name
      progress(cut: $cut) {
        total {
          toDate {
            progress
            ideal
            gap
          }
          cumulative {
            progress
            ideal
            gap
          }
          lights {
            alto
            medio
            bajo
            notDue
          }
          shares {
            green
            yellow
            red
          }
        }
        byObjective {
          objective {
            number
          }
          progress {
            toDate {
              progress
              ideal
              gap
            }
          }
        }
        bySector {
          sector {
            name
          }
          progress {
            productCount
            toDate {
              progress
            }
            lights {
              alto
              medio
              bajo
              notDue
            }
          }
        }
      }
      products(first: 1000) {
        nodes {
          code
          progress(cut: $cut) {
            trafficLight
            ratio
            toDate {
              progress
            }
            cumulative {
              progress
              ideal
              gap
            }
          }
        }
      }
    }
  }
`;
