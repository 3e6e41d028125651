// Placeholder: replaced by the feature that owns this route.
import { requireUserWith } from "~/utils/permissions.server";

export async function loader({ request }: { request: Request }) {
  await requireUserWith(request, "user:manage");
  return null;
}

export default function Placeholder() {
  return null;
}
