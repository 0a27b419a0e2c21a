import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { homeFields } from './fields';
import { loadContentFrom } from './load';

const content = loadContentFrom(path.join(__dirname, '../../content'));

describe('homeFields', () => {
  it("shows the site's featured fields in its order, with their procedure counts", () => {
    const site = { ...content.site, featuredFields: ['dang-ky-quan-ly-cu-tru', 'ho-tich'] };
    const shown = homeFields({ ...content, site });
    expect(shown.map((f) => f.field.id)).toEqual(['dang-ky-quan-ly-cu-tru', 'ho-tich']);
    const counted = content.procedures.filter((p) => p.field === 'ho-tich' && !p.repealedOn);
    expect(shown[1].count).toBeGreaterThan(0);
    expect(shown[1].count).toBeLessThanOrEqual(counted.length);
  });

  it('shows every field with procedures when none is featured, leaving out empty ones', () => {
    const site = { ...content.site, featuredFields: [] };
    const procedures = content.procedures.filter((p) => p.field !== 'lao-dong-tien-luong');
    const shown = homeFields({ ...content, site, procedures });
    expect(shown.map((f) => f.field.id)).toEqual(
      content.fields.map((f) => f.id).filter((id) => id !== 'lao-dong-tien-luong'),
    );
  });
});
