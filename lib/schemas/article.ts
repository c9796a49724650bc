import { z } from "zod";

import { ZPerspective } from "./domain";
import { ZCalendarDate, ZHttpUrl, checkedText } from "./text";

/**
 * What a debate's article is, as every document that carries one describes
 * it: the map (with its id and text), the portable document (with its text)
 * and the seed data (with the file its text is in).
 */
export const ZArticleFields = z.object({
  title: checkedText(1, 300),
  author: checkedText(0, 200).nullable(),
  publisher: checkedText(0, 200).nullable(),
  publishedAt: ZCalendarDate.nullable(),
  url: ZHttpUrl.nullable(),
  /** Whose case the article argues: the perspective its passages are cited with. */
  perspective: ZPerspective,
});
