import fs from 'node:fs';
import hnswlib from 'hnswlib-node';
import { tempFileFor } from './layout.js';

/**
 * HNSW parameters, chosen with `bench/store-hnsw.ts sweep` (recall@10 against exact search at 100k
 * passages of dimension 384; the measured table is in the README's index section).
 */
export const HNSW_PARAMS = {
  /**
   * Graph degree. 16 reaches recall 0.999 at 100k on embedding-like data; 32 only helps on
   * pathological data (0.80 -> 0.91 at efSearch 256, neither near 0.99) while doubling build time,
   * which is most of the store's share of ingest time.
   */
  m: 16,
  /** Candidate list while building: 200 bought < 0.001 recall over 100 for a third more build time. */
  efConstruction: 100,
  /** Candidate list while searching (raised to k when k is larger): recall is 0.999 from 128; 256 is margin. */
  efSearch: 256,
} as const;

/** Room made when the graph is full: grow by half, at least this many, so resizes stay rare. */
const MIN_GROWTH = 1024;
const HEADER_BYTES = 96;

/**
 * The in-memory HNSW graph over passage vectors, a cache of the BLOBs in the database. Labels are
 * passage ids. It remembers which meeting each live label belongs to so searches can be filtered
 * by meeting without asking the database per candidate.
 */
export class HnswCache {
  readonly dimensions: number;
  private readonly graph: hnswlib.HierarchicalNSW;
  /** Live label -> meeting id. Labels in the graph but not here are marked deleted. */
  private readonly live = new Map<number, number>();
  /** Live vectors per meeting id, so the size of a filtered scope costs no query. */
  private readonly perMeeting = new Map<number, number>();

  private constructor(dimensions: number, graph: hnswlib.HierarchicalNSW) {
    this.dimensions = dimensions;
    this.graph = graph;
  }

  /** An empty graph with room for `capacity` vectors. */
  static empty(dimensions: number, capacity: number): HnswCache {
    const graph = new hnswlib.HierarchicalNSW('cosine', dimensions);
    graph.initIndex({
      maxElements: Math.max(capacity, MIN_GROWTH),
      m: HNSW_PARAMS.m,
      efConstruction: HNSW_PARAMS.efConstruction,
      // Reuse the slots of deleted passages, so re-ingesting changed minutes does not grow the file.
      allowReplaceDeleted: true,
    });
    graph.setEf(HNSW_PARAMS.efSearch);
    return new HnswCache(dimensions, graph);
  }

  /**
   * Reads a graph written by `save`. Throws when the file is not a graph of `dimensions` floats;
   * the header is checked here first because hnswlib trusts it and would misread another shape.
   * `owners` (label -> meeting id) says which labels are live; every other label in the file is
   * returned in `extra` for the caller to delete.
   */
  static load(file: string, dimensions: number, owners: Map<number, number>): { cache: HnswCache; extra: number[] } {
    checkHeader(file, dimensions);
    const graph = new hnswlib.HierarchicalNSW('cosine', dimensions);
    graph.readIndexSync(file, true);
    graph.setEf(HNSW_PARAMS.efSearch);
    const cache = new HnswCache(dimensions, graph);
    const extra: number[] = [];
    for (const label of graph.getIdsList()) {
      const meetingId = owners.get(label);
      if (meetingId === undefined) extra.push(label);
      else cache.track(label, meetingId);
    }
    return { cache, extra };
  }

  /** Number of live vectors. */
  get size(): number {
    return this.live.size;
  }

  has(label: number): boolean {
    return this.live.has(label);
  }

  liveLabels(): IterableIterator<number> {
    return this.live.keys();
  }

  add(label: number, meetingId: number, vector: Float32Array): void {
    if (this.live.has(label)) return;
    if (this.graph.getCurrentCount() >= this.graph.getMaxElements()) {
      const max = this.graph.getMaxElements();
      this.graph.resizeIndex(max + Math.max(MIN_GROWTH, Math.ceil(max / 2)));
    }
    this.graph.addPoint(Array.from(vector), label, true);
    this.track(label, meetingId);
  }

  /** Live vectors in these meetings. */
  countIn(meetingIds: Iterable<number>): number {
    let count = 0;
    for (const id of meetingIds) count += this.perMeeting.get(id) ?? 0;
    return count;
  }

  /** The meeting a live label belongs to. */
  meetingOf(label: number): number | undefined {
    return this.live.get(label);
  }

  private track(label: number, meetingId: number): void {
    this.live.set(label, meetingId);
    this.perMeeting.set(meetingId, (this.perMeeting.get(meetingId) ?? 0) + 1);
  }

  /**
   * Marks a label deleted. `known: false` is for labels read from a file whose deletions may already
   * be recorded: hnswlib refuses to delete twice, which is then not an error.
   */
  remove(label: number, known = true): void {
    const meetingId = this.live.get(label);
    if (known && meetingId === undefined) return;
    try {
      this.graph.markDelete(label);
    } catch (error) {
      if (known || !/already deleted/.test(String(error))) throw error;
    }
    if (meetingId === undefined) return;
    this.live.delete(label);
    const left = (this.perMeeting.get(meetingId) ?? 1) - 1;
    if (left > 0) this.perMeeting.set(meetingId, left);
    else this.perMeeting.delete(meetingId);
  }

  /**
   * The `k` nearest live vectors, best first, with cosine similarity. `keep` narrows by meeting id
   * inside the graph walk, so a filter never leaves fewer than `k` results when `k` exist.
   */
  search(vector: Float32Array, k: number, keep?: (meetingId: number) => boolean): Array<{ id: number; score: number }> {
    const wanted = Math.min(k, this.live.size);
    if (wanted === 0) return [];
    this.graph.setEf(Math.max(HNSW_PARAMS.efSearch, wanted));
    const filter = keep
      ? (label: number) => {
          const meetingId = this.live.get(label);
          return meetingId !== undefined && keep(meetingId);
        }
      : undefined;
    const result = this.graph.searchKnn(Array.from(vector), wanted, filter);
    return result.neighbors.map((id, i) => ({ id, score: 1 - (result.distances[i] ?? 1) }));
  }

  /** Writes the graph to `file` atomically: a reader sees the old file or the complete new one. */
  save(file: string): void {
    const temp = tempFileFor(file);
    try {
      this.graph.writeIndexSync(temp);
      const fd = fs.openSync(temp, 'r+');
      try {
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(temp, file);
    } catch (error) {
      fs.rmSync(temp, { force: true });
      throw error;
    }
  }
}

/** Throws unless `file` starts with an hnswlib header for vectors of `dimensions` floats. */
function checkHeader(file: string, dimensions: number): void {
  const header = Buffer.alloc(HEADER_BYTES);
  const fd = fs.openSync(file, 'r');
  let read: number;
  let size: number;
  try {
    read = fs.readSync(fd, header, 0, HEADER_BYTES, 0);
    size = fs.fstatSync(fd).size;
  } finally {
    fs.closeSync(fd);
  }
  if (read < HEADER_BYTES) throw new Error('file is shorter than an HNSW header');
  const maxElements = header.readBigUInt64LE(8);
  const count = header.readBigUInt64LE(16);
  const bytesPerElement = header.readBigUInt64LE(24);
  const labelOffset = header.readBigUInt64LE(32);
  const dataOffset = header.readBigUInt64LE(40);
  if (labelOffset - dataOffset !== BigInt(dimensions * 4)) {
    throw new Error(`vectors in the file are not of dimension ${dimensions}`);
  }
  if (count > maxElements || BigInt(HEADER_BYTES) + count * bytesPerElement > BigInt(size)) {
    throw new Error('file is shorter than its header says');
  }
}
