import { debateLayout } from "../page-access";

export default debateLayout("manage");
