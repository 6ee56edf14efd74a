// Typed models of the Sentry-compatible Web API (/api/0/…) as Faultline serves it. Fields the
// server may not send yet (stats, previous/next event ids) are optional: the UI degrades without them.

export interface User {
  id: string;
  email: string;
  name?: string | null;
}

export interface Session {
  user: User;
}

export interface Organization {
  id: string;
  slug: string;
  name: string;
}

export interface Team {
  id: string;
  slug: string;
  name: string;
}

export interface Project {
  id: string;
  slug: string;
  name: string;
  platform?: string | null;
  dateCreated?: string;
  firstEvent?: string | null;
  team?: Team | null;
}

export interface ProjectKey {
  id: string;
  name: string;
  public: string;
  isActive: boolean;
  dateCreated?: string;
  dsn: { public: string; secret?: string };
}

export type IssueStatus = 'unresolved' | 'resolved' | 'ignored';

/** [epochSeconds, count] buckets, oldest first. */
export type StatsSeries = Array<[number, number]>;

export interface Issue {
  id: string;
  shortId: string;
  title: string;
  culprit: string;
  level: string;
  status: IssueStatus | string;
  type?: string;
  metadata?: Record<string, string>;
  platform?: string | null;
  project: { id: string; name: string; slug: string; platform?: string | null };
  count: string;
  userCount: number;
  firstSeen: string;
  lastSeen: string;
  stats?: Record<string, StatsSeries>;
}

export interface Tag {
  key: string;
  value: string;
}

export interface Frame {
  filename?: string | null;
  absPath?: string | null;
  module?: string | null;
  package?: string | null;
  function?: string | null;
  lineNo?: number | null;
  colNo?: number | null;
  inApp?: boolean;
  context?: Array<[number, string]> | null;
  vars?: Record<string, unknown> | null;
}

export interface ExceptionValue {
  type?: string | null;
  value?: string | null;
  module?: string | null;
  mechanism?: { type?: string; handled?: boolean } | null;
  stacktrace?: { frames?: Frame[] | null } | null;
}

export interface ThreadValue {
  id?: number | string | null;
  name?: string | null;
  crashed?: boolean;
  current?: boolean;
  stacktrace?: { frames?: Frame[] | null } | null;
}

export interface Breadcrumb {
  type?: string;
  category?: string | null;
  level?: string;
  message?: string | null;
  timestamp?: string | number | null;
  data?: Record<string, unknown> | null;
}

export interface RequestData {
  url?: string | null;
  method?: string | null;
  query?: unknown;
  data?: unknown;
  headers?: Array<[string, string]> | Record<string, string> | null;
  env?: Record<string, string> | null;
}

export type Entry =
  | { type: 'exception'; data: { values?: ExceptionValue[] | null; hasSystemFrames?: boolean } }
  | { type: 'breadcrumbs'; data: { values?: Breadcrumb[] | null } }
  | { type: 'request'; data: RequestData }
  | { type: 'threads'; data: { values?: ThreadValue[] | null } }
  | { type: 'message'; data: { formatted?: string | null; message?: string | null } }
  | { type: string; data: unknown };

export interface EventUser {
  id?: string | null;
  email?: string | null;
  username?: string | null;
  ip_address?: string | null;
  name?: string | null;
  data?: Record<string, unknown> | null;
}

export interface IssueEvent {
  id: string;
  eventID: string;
  groupID?: string;
  title: string;
  culprit?: string | null;
  message?: string | null;
  platform?: string | null;
  dateCreated: string;
  dateReceived?: string;
  tags?: Tag[];
  user?: EventUser | null;
  contexts?: Record<string, Record<string, unknown>>;
  release?: { version: string } | null;
  environment?: string | null;
  entries?: Entry[];
  previousEventID?: string | null;
  nextEventID?: string | null;
  sdk?: { name?: string; version?: string } | null;
}

/** One rel of a Sentry `Link` header. */
export interface PageLink {
  cursor: string;
  results: boolean;
}

export interface Page<T> {
  items: T[];
  previous?: PageLink;
  next?: PageLink;
}
