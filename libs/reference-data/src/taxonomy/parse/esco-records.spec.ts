import { readRecords } from '../../parse/csv-records';
import { readEscoRecords } from './esco-records';

describe('readEscoRecords', () => {
  it('splits quote-free files exactly as csv-parse does', () => {
    for (const text of ['\uFEFFa,b,c\nx,y,z\n\n1, 2 ,\n', 'a,b\r\nx,y\r\n']) {
      expect(readEscoRecords(text, 't.csv')).toEqual(readRecords(text, { delimiter: ',', quote: true }, 't.csv'));
    }
  });

  it('hands files with quoted fields to csv-parse', () => {
    expect(readEscoRecords('a,b\n"x\ny",z\n', 't.csv').map((record) => record.fields)).toEqual([['a', 'b'], ['x\ny', 'z']]);
  });
});
