/**
 * The columns a search hit is built from (passage, its item, its meeting), in SQL both stores
 * accept, for a query joining passages `p`, items `i` and meetings `m`.
 */
export const PASSAGE_COLUMNS = `
  p.id AS passage_id, p.text AS passage_text, p.points AS passage_points, p.header AS header,
  i.id AS item_id, i.position AS item_position, i.minute, i.minute_number, i.number_source, i.title,
  i.title_derived, i.agenda_item, i.procedural, i.text AS item_text, i.resolutions, i.points AS item_points,
  i.url AS item_url, i.restricted, i.kind,
  m.id AS meeting_id, m.source, m.council, m.committee, m.date, m.start_time, m.venue, m.chair, m.url AS meeting_url`;
