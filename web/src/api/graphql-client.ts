import type { TypedDocumentString } from '../gql/graphql';
import { readKey } from '../auth/session-key';

/** An error a page can show as is: Spanish message, and the API's code when there is one. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Spanish text for the API's stable error codes (README "Errors"); never a stack trace or raw message. */
export function describeApiError(code: string, status?: number, serverMessage?: string): string {
  switch (code) {
    case 'UNAUTHENTICATED':
      return 'Para ver esta página necesita ingresar con su clave de acceso (o la clave ya no es válida).';
    case 'FORBIDDEN':
      return 'Su clave de acceso no permite ver esta información.';
    case 'NOT_FOUND':
      return 'No encontramos lo que busca: revise la dirección.';
    case 'BAD_USER_INPUT':
      return serverMessage ? `Revise los datos de la búsqueda: ${serverMessage}` : 'Revise los datos de la búsqueda.';
    case 'CONFLICT':
      return serverMessage
        ? `No se aplicó ningún cambio: ${serverMessage}`
        : 'No se aplicó ningún cambio: otra sesión cambió estos datos primero. Recargue y revise de nuevo.';
    case 'NETWORK':
      return 'No fue posible comunicarse con el servidor. Revise su conexión e intente de nuevo.';
    case 'GRAPHQL_VALIDATION_FAILED':
    case 'GRAPHQL_PARSE_FAILED':
      return 'Esta página no coincide con la versión del servidor. Recargue la página.';
    default:
      return status && status >= 500
        ? 'El servidor tuvo un problema al responder. Intente de nuevo en unos minutos.'
        : 'No fue posible cargar la información. Intente de nuevo.';
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** POST /graphql with the tab's key (if any) as Bearer token; the only place the browser talks to the API. */
export async function execute<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  signal?: AbortSignal,
): Promise<TResult> {
  const key = readKey();
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(key ? { authorization: `Bearer ${key}` } : {}),
      },
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
      signal,
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(describeApiError('NETWORK'), 'NETWORK');
  }
  let body: GraphQLResponse<TResult>;
  try {
    body = (await response.json()) as GraphQLResponse<TResult>;
  } catch {
    throw new ApiError(describeApiError('INTERNAL', response.status), 'INTERNAL', response.status);
  }
  const first = body.errors?.[0];
  if (first) {
    const code = first.extensions?.code ?? (response.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL');
    throw new ApiError(
      describeApiError(code, response.status, code === 'BAD_USER_INPUT' || code === 'CONFLICT' ? first.message : undefined),
      code,
      response.status,
    );
  }
  if (!response.ok || !body.data) throw new ApiError(describeApiError('INTERNAL', response.status), 'INTERNAL', response.status);
  return body.data;
}
