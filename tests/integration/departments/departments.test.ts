import { beforeAll, describe, expect, it } from "vitest";
import { listDepartments } from "@/server/data/departments/list-departments";
import { saveDepartment } from "@/server/data/departments/save-department";
import { adminDb } from "../../setup/admin-db";
import { createTenantFixture, type TenantFixture } from "../../factories/tenant-fixture";

let a: TenantFixture;
let b: TenantFixture;
beforeAll(async () => {
  a = await createTenantFixture("dept-a");
  b = await createTenantFixture("dept-b");
});

describe("departments", () => {
  it("lists only the caller's tenant", async () => {
    const list = await listDepartments(await a.actor("member"));
    expect(list.map((d) => d.id)).toEqual([a.departmentId]);
  });

  it("creates, then refuses a duplicate code and a stale edit, auditing each change once", async () => {
    const admin = await a.actor("admin");
    const { id } = await saveDepartment(admin, {
      version: 0,
      code: "XCB",
      name: "宣传部",
      nameEn: null,
      isActive: true,
    });
    await expect(
      saveDepartment(admin, {
        version: 0,
        code: "XCB",
        name: "重复",
        nameEn: null,
        isActive: true,
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { code: ["部门编码已被使用"] },
    });
    const row = await adminDb().department.findFirstOrThrow({
      where: { tenantId: a.tenantId, id },
    });
    await saveDepartment(admin, {
      id,
      version: row.updatedAt.getTime(),
      code: "XCB",
      name: "党委宣传部",
      nameEn: null,
      isActive: true,
    });
    await expect(
      saveDepartment(admin, {
        id,
        version: row.updatedAt.getTime(),
        code: "XCB",
        name: "过期的修改",
        nameEn: null,
        isActive: false,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const events = await adminDb().auditEvent.findMany({
      where: { tenantId: a.tenantId, entityId: id },
      orderBy: { at: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual(["department.create", "department.update"]);
  });

  it("reports another tenant's department as not found and leaves it unchanged", async () => {
    const before = await adminDb().department.findFirstOrThrow({
      where: { tenantId: b.tenantId, id: b.departmentId },
    });
    await expect(
      saveDepartment(await a.actor("admin"), {
        id: b.departmentId,
        version: before.updatedAt.getTime(),
        code: "Z",
        name: "x",
        nameEn: null,
        isActive: false,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(
      await adminDb().department.findFirstOrThrow({
        where: { tenantId: b.tenantId, id: b.departmentId },
      }),
    ).toEqual(before);
  });

  it("refuses a secretary", async () => {
    await expect(
      saveDepartment(await a.actor("secretary"), {
        version: 0,
        code: "NEW",
        name: "x",
        nameEn: null,
        isActive: true,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
