import { SignedInPage } from "@/app/signed-in-page";
import { JoinForm } from "@/components/members/join-form";

export const metadata = { title: "Join a debate · Argument maps" };
export const dynamic = "force-dynamic";

export default function JoinPage() {
  return (
    <SignedInPage path="/join" title="Join a debate">
      <p>Enter the code the debate&apos;s owner gave you. Capitals, spaces and the dash do not matter.</p>
      <JoinForm />
    </SignedInPage>
  );
}
