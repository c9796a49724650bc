import { signedInLayout } from "@/app/signed-in-page";

export default signedInLayout("/debates/new");
