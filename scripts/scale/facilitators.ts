// District agriculture office staff: facilitators who verify FOs and traders,
// witness the large contracts and mediate disputes in their districts. The
// demo facilitator keeps all nine districts; the generated ones each cover one
// district, some a neighbouring one of the same province as well.
import type { World } from "./model";
import type { Random } from "./random";
import type { Writer } from "./tables";
import { YEAR } from "./time";
import type { Users } from "./users";

export function generateFacilitators(world: World, writer: Writer, users: Users, rng: Random, count: number): void {
  for (let i = 0; i < count; i++) {
    const home = world.districts[i % world.districts.length]!;
    const user = users.create({ role: "facilitator", createdAt: world.now - 3.5 * YEAR + rng.int(0, 60) * 86_400_000 });
    const covered = [home];
    const neighbours = world.districts.filter((d) => d.provinceId === home.provinceId && d !== home);
    if (neighbours.length && rng.chance(0.3)) covered.push(rng.pick(neighbours));
    for (const d of covered) {
      writer.insert("FacilitatorDistrict", { userId: user.id, districtId: d.id });
      d.facilitators.push(user);
    }
    world.facilitators.push(user);
  }
}
