import { SignedInPage } from "@/app/signed-in-page";
import { NewDebateForm } from "@/components/debate/new-debate-form";

export const metadata = { title: "New debate · Argument maps" };
export const dynamic = "force-dynamic";

export default function NewDebatePage() {
  return (
    <SignedInPage path="/debates/new" title="New debate">
      <p>
        Paste the article a debate is about. You will own the debate: on its page you select passages of the article and map them as its thesis, claims,
        premises and rebuttals, and others add their arguments.
      </p>
      <NewDebateForm />
    </SignedInPage>
  );
}
