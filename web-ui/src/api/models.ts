// Typed models of the Sentry-compatible Web API (/api/0/…) as Faultline serves it. Fields the
// server may not send yet (stats, previous/next event ids) are optional: the UI degrades without them.

export interface User {
  id: string;
  email: string;
  name?: string | null;
  username?: string | null;
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
  statusDetails?: StatusDetails;
  assignedTo?: Assignee | null;
  isBookmarked?: boolean;
  isSubscribed?: boolean;
  numComments?: number;
  /** Whether an event of the issue crashed (its exception's mechanism said `handled: false`). */
  isUnhandled?: boolean;
  /** When the list's search has event terms (environment, time range…): the events matching them. */
  filtered?: { count: string } | null;
  /** Detail only, newest first. */
  activity?: Activity[];
}

/** How an issue was resolved or ignored (docs/issue-workflow.md). */
export interface StatusDetails {
  inRelease?: string;
  inNextRelease?: boolean;
  ignoreUntil?: string;
  ignoreCount?: number;
  ignoreWindow?: number;
  ignoreUserCount?: number;
  ignoreUserWindow?: number;
  actor?: User | null;
}

export type Assignee =
  | { type: 'user'; id: string; name?: string | null; email?: string | null }
  | { type: 'team'; id: string; name: string };

export type ActivityType =
  | 'first_seen'
  | 'set_regression'
  | 'set_resolved'
  | 'set_resolved_in_release'
  | 'set_unresolved'
  | 'set_ignored'
  | 'assigned'
  | 'unassigned'
  | 'note'
  | 'merge'
  | 'unmerge_source'
  | 'unmerge_destination';

export interface Activity {
  id: string;
  type: ActivityType | string;
  data: Record<string, unknown> & { text?: string };
  dateCreated: string;
  user: User | null;
}

/** The body of an issue change, single (`PUT /issues/{id}/`) or bulk (`PUT …/issues/?id=`). */
export interface IssueChange {
  status?: 'resolved' | 'unresolved' | 'ignored' | 'resolvedInNextRelease';
  statusDetails?: {
    inRelease?: string;
    inNextRelease?: boolean;
    ignoreDuration?: number;
    ignoreUntil?: string;
    ignoreCount?: number;
    ignoreWindow?: number;
    ignoreUserCount?: number;
    ignoreUserWindow?: number;
  };
  assignedTo?: string | null;
  isBookmarked?: boolean;
  isSubscribed?: boolean;
  merge?: 1;
  discard?: true;
}

export interface TagKey {
  key: string;
  name: string;
  totalValues?: number;
  uniqueValues?: number;
}

export interface TagValue {
  key: string;
  name: string;
  value: string;
  count: number;
  percent?: number;
  firstSeen?: string;
  lastSeen?: string;
}

export interface TagFacet extends TagKey {
  topValues: TagValue[];
}

export interface TagDistribution {
  key: string;
  values: Array<{ value: string; data: StatsSeries }>;
}

export interface Member {
  id: string;
  email: string;
  name?: string | null;
  role?: string;
  user?: User | null;
}

export interface SavedSearch {
  id: string;
  type: number;
  name: string;
  query: string;
  sort?: string | null;
  visibility?: 'owner' | 'organization' | string;
  isGlobal?: boolean;
  isPinned?: boolean;
  dateCreated?: string;
}

export interface IssueHash {
  id: string;
  eventCount?: number;
  latestEvent?: { eventID: string } | null;
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
  rawFunction?: string | null;
  symbol?: string | null;
  platform?: string | null;
  instructionAddr?: string | null;
}

/** How an exception was caught: `handled: false` is a crash (Sentry's "unhandled"). */
export interface Mechanism {
  type?: string;
  handled?: boolean | null;
  synthetic?: boolean | null;
  description?: string | null;
  help_link?: string | null;
  data?: Record<string, unknown> | null;
  meta?: Record<string, unknown> | null;
}

export interface Stacktrace {
  frames?: Frame[] | null;
  registers?: Record<string, string> | null;
}

export interface ExceptionValue {
  type?: string | null;
  value?: string | null;
  module?: string | null;
  mechanism?: Mechanism | null;
  stacktrace?: Stacktrace | null;
  /** The stack as sent, before source maps or symbolication, when it differs. */
  rawStacktrace?: Stacktrace | null;
  threadId?: number | string | null;
}

export interface ThreadValue {
  id?: number | string | null;
  name?: string | null;
  crashed?: boolean;
  current?: boolean;
  main?: boolean | null;
  state?: string | null;
  stacktrace?: Stacktrace | null;
  rawStacktrace?: Stacktrace | null;
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
  query?: Array<[string, string]> | string | Record<string, string> | null;
  fragment?: string | null;
  data?: unknown;
  headers?: Array<[string, string]> | Record<string, string> | null;
  cookies?: Array<[string, string]> | Record<string, string> | string | null;
  env?: Record<string, string> | null;
  inferredContentType?: string | null;
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
  sdk?: EventSdk | null;
  dist?: string | null;
  /** Sentry's Additional Data: the event's `extra`. */
  context?: Record<string, unknown> | null;
  /** The event's `modules`: package name → version. */
  packages?: Record<string, string> | null;
  /** Processing errors the server recorded (invalid values dropped, …). */
  errors?: Array<{ type?: string; name?: string; message?: string; data?: Record<string, unknown> }> | null;
  /**
   * What processing changed, keyed by the event's own field paths: `{"": {"rem": [[rule, kind,
   * start?, end?]], "len": original length, "err": [[reason, details]]}}` at each changed node.
   */
  _meta?: Record<string, unknown> | null;
  metadata?: Record<string, unknown> | null;
  /** A performance issue's occurrence: what the detector found, with the offending span ids. */
  occurrence?: Occurrence | null;
}

/** Sentry's occurrence of a performance issue. */
export interface Occurrence {
  id: string;
  type?: number;
  issueType?: string;
  issueTitle?: string;
  subtitle?: string;
  culprit?: string;
  evidenceData?: {
    op?: string;
    transactionName?: string;
    offenderSpanIds?: string[];
    causeSpanIds?: string[];
    parentSpanIds?: string[];
  };
  evidenceDisplay?: Array<{ name: string; value: string; important?: boolean }>;
}

/** A span of an occurrence's `spans` entry: the evidence of a performance issue. */
export interface EvidenceSpan {
  span_id: string;
  parent_span_id?: string | null;
  op?: string | null;
  description?: string | null;
  start_timestamp?: string;
  timestamp?: string;
  duration?: number;
}

export interface EventSdk {
  name?: string;
  version?: string;
  integrations?: string[] | null;
  packages?: Array<{ name?: string; version?: string }> | null;
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

/** A discarded issue (`GET /api/0/projects/{org}/{project}/tombstones/`): its events are dropped at processing. */
export interface Tombstone {
  id: string;
  level: string;
  message: string;
  culprit: string;
  type: string;
  metadata: { title?: string } & Record<string, unknown>;
  actor: User | null;
  dateAdded: string;
}

// Performance (issue 16): Discover's events table and time series, the trace tree, the Apdex threshold.

/** A Discover field type (`meta.fields`): how a value is formatted. */
export type FieldType = 'string' | 'integer' | 'number' | 'duration' | 'percentage' | 'date' | 'rate' | 'size' | 'boolean';

/** A cell of an events row: keyed by the exact requested field string (`p95(transaction.duration)`). */
export type FieldValue = string | number | boolean | null;

/** `GET /organizations/{org}/events/`: rows and, per requested field, its type and unit. */
export interface EventsTable {
  data: Array<Record<string, FieldValue>>;
  meta: {
    fields: Record<string, FieldType | string>;
    /** `millisecond` for durations, `1/minute` for `epm()`/`tpm()`, `byte` for sizes, null otherwise. */
    units?: Record<string, string | null>;
    dataset?: string;
  };
}

/** One series of `events-stats/`: `[epoch seconds, [{count}]]` buckets, zero-filled, oldest first. */
export interface EventsStatsSeries {
  data: Array<[number, Array<{ count: number | null }>]>;
  start?: number;
  end?: number;
  order?: number;
  meta?: { fields?: Record<string, string>; units?: Record<string, string | null> };
}

/**
 * `GET /organizations/{org}/events-stats/`: one series for one `yAxis`, else an object keyed by
 * yAxis (several axes) or by group (`topEvents`), each a series.
 */
export type EventsStatsResponse = EventsStatsSeries | Record<string, EventsStatsSeries>;

/** An error (or occurrence) of a trace, under the span its `contexts.trace.span_id` names. */
export interface TraceErrorNode {
  event_type: 'error' | 'occurrence';
  event_id: string;
  issue_id: string | number;
  project_id: string | number;
  project_slug: string;
  transaction?: string | null;
  description?: string | null;
  level?: string | null;
  culprit?: string | null;
  short_id?: string | null;
  issue_type?: string | null;
  start_timestamp?: number | null;
  /** Only on a top-level node: the span the error names, when the trace lacks it. */
  span?: string | null;
}

/** A span of a trace (`event_type: "span"`); `event_id` is the span id, times are epoch seconds. */
export interface TraceSpanNode {
  event_type: 'span';
  event_id: string;
  transaction_id?: string | null;
  project_id: string | number;
  project_slug: string;
  transaction?: string | null;
  description?: string | null;
  op?: string | null;
  name?: string | null;
  parent_span_id?: string | null;
  start_timestamp: number;
  end_timestamp: number;
  /** Milliseconds. */
  duration: number;
  is_transaction?: boolean;
  sdk_name?: string | null;
  status?: string | null;
  measurements?: Record<string, { value: number; unit?: string } | number> | null;
  additional_attributes?: Record<string, unknown> | null;
  children: TraceSpanNode[];
  errors?: TraceErrorNode[];
  occurrences?: TraceErrorNode[];
}

/** `GET /organizations/{org}/trace/{trace_id}/`: the roots, span trees and errors without a span. */
export type TraceNode = TraceSpanNode | TraceErrorNode | { event_type: string; [key: string]: unknown };

/** `GET|POST /projects/{org}/{project}/transaction-threshold/configure/`. */
export interface TransactionThreshold {
  id?: string;
  projectId?: string;
  /** Milliseconds; Sentry answers it as a string. */
  threshold: number | string;
  metric: 'duration' | 'lcp' | string;
}
