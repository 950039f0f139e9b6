// Villages of the nine programme districts: the demo's five per district plus
// the generated ones, spread evenly, named in Lao and English, never repeating
// an English name within a district (the schema's unique key).
import type { World } from "./model";
import { villageNames } from "./names";
import type { IdFactory } from "./ids";
import type { Random } from "./random";
import type { Writer } from "./tables";

export function generateVillages(world: World, writer: Writer, ids: IdFactory, rng: Random, count: number): void {
  const names = villageNames(rng);
  const perDistrict = world.districts.map((_, i) => Math.floor(count / world.districts.length) + (i < count % world.districts.length ? 1 : 0));
  world.districts.forEach((district, i) => {
    const taken = new Set(district.villages.map((v) => v.nameEn));
    let next = 0;
    for (let n = 0; n < perDistrict[i]!; n++) {
      let name = names[next++ % names.length]!;
      let round = Math.floor((next - 1) / names.length);
      // Past the list (a scale of a hundred or more): number the repeats.
      while (taken.has(round ? `${name.nameEn} ${round + 1}` : name.nameEn)) {
        name = names[next++ % names.length]!;
        round = Math.floor((next - 1) / names.length);
      }
      const nameEn = round ? `${name.nameEn} ${round + 1}` : name.nameEn;
      const nameLo = round ? `${name.nameLo} ${round + 1}` : name.nameLo;
      taken.add(nameEn);
      const id = ids.next(world.now - 4 * 365 * 86_400_000);
      writer.insert("Village", { id, districtId: district.id, nameLo, nameEn });
      district.villages.push({ id, districtId: district.id, nameLo, nameEn, district });
    }
  });
}
