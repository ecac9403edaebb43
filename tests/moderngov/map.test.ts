import { describe, expect, it } from 'vitest';
import { meetingFromModernGov, printedMinutesLink } from '../../ingest/moderngov/map.js';
import { isoDate, parseXml, readMeeting } from '../../ingest/moderngov/schema.js';

const context = {
  council: 'Westfold Council',
  committeeId: '3',
  committeeTitle: 'Cabinet',
  meetingUrl: 'https://mg.example/ieListDocuments.aspx?CId=3&MId=90',
  itemUrl: (id: string) => `https://mg.example/mgAi.aspx?ID=${id}`,
};

function meetingXml(items: string, extra = ''): string {
  return `<?xml version="1.0"?><getmeeting><meeting><meetingid>90</meetingid><meetingdate>2024-05-02T00:00:00</meetingdate>
    <minutepublished>true</minutepublished>${extra}<agendaitems>${items}</agendaitems></meeting></getmeeting>`;
}

function map(items: string, extra = '') {
  const meeting = readMeeting(parseXml(meetingXml(items, extra), 'test'));
  if (!meeting) throw new Error('no meeting');
  return meetingFromModernGov(meeting, context);
}

describe('ModernGov meeting mapping', () => {
  it('joins a sub-number to the minute number and keeps its running integer', () => {
    const meeting = map(`
      <agendaitem><agendaitemid>1</agendaitemid><agendaitemtitle>Budget</agendaitemtitle><agendaitemnumber>4</agendaitemnumber>
        <minutesitemnumber>12</minutesitemnumber><minutesitemsubnumber>a</minutesitemsubnumber>
        <minutesnonemptyhtmlbody>&lt;p&gt;Noted.&lt;/p&gt;</minutesnonemptyhtmlbody></agendaitem>
      <agendaitem><agendaitemid>2</agendaitemid><agendaitemtitle>Budget monitoring</agendaitemtitle><agendaitemnumber>4</agendaitemnumber>
        <minutesitemnumber>5</minutesitemnumber><minutesitemsubnumber>2</minutesitemsubnumber>
        <minutesnonemptyhtmlbody>&lt;p&gt;Noted.&lt;/p&gt;</minutesnonemptyhtmlbody></agendaitem>`);
    expect(meeting.items.map((i) => [i.minute, i.minuteNumber])).toEqual([
      ['12a', 12],
      ['5.2', 5],
    ]);
  });

  it('uses the decision where a site records only that, and leaves out agenda-only items', () => {
    const meeting = map(`
      <agendaitem><agendaitemid>1</agendaitemid><agendaitemtitle>Fees and Charges</agendaitemtitle>
        <minutesitemnumber>7</minutesitemnumber><isdecision>True</isdecision>
        <decisionnonemptyhtmlbody>&lt;p&gt;RESOLVED: That the fees be increased by 3%.&lt;/p&gt;</decisionnonemptyhtmlbody></agendaitem>
      <agendaitem><agendaitemid>2</agendaitemid><agendaitemtitle>Information only</agendaitemtitle></agendaitem>`);
    expect(meeting.items).toHaveLength(1);
    expect(meeting.items[0]).toMatchObject({ minute: '7', resolutions: ['That the fees be increased by 3%.'] });
  });

  it('reads minute bodies sent as raw markup, not escaped, and ordered lists with their labels', () => {
    const meeting = map(`
      <agendaitem><agendaitemid>1</agendaitemid><agendaitemtitle>Parks</agendaitemtitle><minutesitemnumber>8</minutesitemnumber>
        <minutesnonemptyhtmlbody><p>Points raised:</p><ol type="i"><li>Litter bins &amp; benches.</li><li>Toilets.</li></ol></minutesnonemptyhtmlbody></agendaitem>`);
    expect(meeting.items[0]?.text).toBe('Points raised:\n\ni) Litter bins & benches.\n\nii) Toilets.');
    expect(meeting.items[0]?.points).toEqual(['i', 'ii']);
  });

  it('takes the date in any of the forms ModernGov versions write', () => {
    expect(isoDate('02/06/2020')).toBe('2020-06-02');
    expect(isoDate('2020-06-02T00:00:00')).toBe('2020-06-02');
    expect(isoDate('Tuesday, 2nd June, 2020')).toBe('2020-06-02');
    expect(isoDate('31/02/2020')).toBeNull();
    expect(map('').date).toBe('2024-05-02');
  });

  it('finds printed minutes among the meeting documents but never a restricted one', () => {
    const docs = (restricted: string) => `<linkeddocuments>
      <linkeddoc><title>Agenda frontsheet</title><url>mgConvert2PDF.aspx?ID=1</url></linkeddoc>
      <linkeddoc><title>Printed minutes 02nd-May-2024</title><url>mgConvert2PDF.aspx?ID=2</url><isrestricted>${restricted}</isrestricted></linkeddoc>
    </linkeddocuments>`;
    const open = readMeeting(parseXml(meetingXml('', docs('False')), 'test'));
    const closed = readMeeting(parseXml(meetingXml('', docs('True')), 'test'));
    expect(open && printedMinutesLink(open)?.url).toBe('mgConvert2PDF.aspx?ID=2');
    expect(closed && printedMinutesLink(closed)).toBeNull();
  });

  it('refuses an HTML error page in place of XML, naming what was asked', () => {
    expect(() =>
      parseXml('<!DOCTYPE html><html><body>Runtime Error</body></html>', 'GetMeeting at https://mg.example'),
    ).toThrow(/^GetMeeting at https:\/\/mg\.example did not answer with XML/);
  });
});
