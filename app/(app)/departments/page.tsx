import { getLocale, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/server/auth/get-actor";
import { can } from "@/server/authz/scope";
import { listDepartments } from "@/server/data/departments/list-departments";
import { listDepartmentStaff } from "@/server/data/departments/department-staff";
import { PageHeader } from "@/components/ui/page-header";
import { DepartmentForm } from "./_components/department-form";
import { LinkStaffForm, UnlinkStaffButton } from "./_components/department-staff-forms";

export async function generateMetadata() {
  const t = await getTranslations("common.nav");
  return { title: t("departments") };
}

export default async function DepartmentsPage() {
  const actor = await requirePagePermission("org.read");
  const [t, tc, ts, locale, departments, staff] = await Promise.all([
    getTranslations("orgs.departments"),
    getTranslations("common"),
    getTranslations("projects.staff"),
    getLocale(),
    listDepartments(actor),
    listDepartmentStaff(actor),
  ]);
  const canManage = can(actor, "department.manage");
  return (
    <>
      <PageHeader title={tc("nav.departments")} subtitle={t("intro")} />
      <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{tc("nav.departments")}</caption>
          <thead className="bg-stone-50 text-stone-700">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t("code")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("name")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("status")}
              </th>
              <th scope="col" className="px-3 py-2">
                {ts("title")}
              </th>
              {canManage ? (
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">{tc("actions.edit")}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {departments.map((d) => (
              <tr key={d.id} className="align-top">
                <td className="px-3 py-2 font-mono text-xs">{d.code}</td>
                <td className="px-3 py-2">{locale === "en" && d.nameEn ? d.nameEn : d.name}</td>
                <td className="px-3 py-2">{d.isActive ? t("active") : t("inactive")}</td>
                <td className="px-3 py-2">
                  <ul>
                    {(staff.get(d.id) ?? []).map((s) => (
                      <li key={s.linkId}>
                        {s.displayName} <span className="text-stone-600">({s.username})</span>
                        {s.disabled ? (
                          <span className="ml-1 text-stone-600">{ts("disabled")}</span>
                        ) : null}
                        {canManage ? (
                          <UnlinkStaffButton linkId={s.linkId} name={s.displayName} />
                        ) : null}
                      </li>
                    ))}
                  </ul>
                  {(staff.get(d.id) ?? []).length === 0 ? (
                    <span className="text-stone-600">{ts("none")}</span>
                  ) : null}
                  {canManage && d.isActive ? (
                    <details>
                      <summary className="min-h-11 cursor-pointer py-2 text-red-800">
                        {ts("add")}
                      </summary>
                      <LinkStaffForm departmentId={d.id} />
                    </details>
                  ) : null}
                </td>
                {canManage ? (
                  <td className="px-3 py-2">
                    <details>
                      <summary className="min-h-11 cursor-pointer py-2 text-red-800">
                        {tc("actions.edit")}
                      </summary>
                      <DepartmentForm
                        department={{
                          id: d.id,
                          version: d.updatedAt.getTime(),
                          code: d.code,
                          name: d.name,
                          nameEn: d.nameEn ?? "",
                          isActive: d.isActive,
                        }}
                      />
                    </details>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canManage ? (
        <section
          className="mt-6 max-w-xl rounded-lg border border-stone-200 bg-white p-4"
          aria-labelledby="new-dept-h"
        >
          <h2 id="new-dept-h" className="mb-2 font-semibold">
            {t("new")}
          </h2>
          <DepartmentForm />
        </section>
      ) : null}
    </>
  );
}
