import { SignedInPage } from "@/app/signed-in-page";
import { ImportForm } from "@/components/debate/import-form";

export const metadata = { title: "Import a debate · Argument maps" };
export const dynamic = "force-dynamic";

export default function ImportPage() {
  return (
    <SignedInPage path="/import" title="Import a debate">
      <p>A debate exported from this app (JSON), an AIF file from AIFdb or OVA, or an Argdown file becomes a new debate that you own.</p>
      <ImportForm />
    </SignedInPage>
  );
}
