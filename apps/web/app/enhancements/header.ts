// The header's menu: nhsuk-frontend folds the links that do not fit behind "More". Without this
// script the links wrap, which is what every page does while it loads.
import { Header } from "nhsuk-frontend/dist/nhsuk/components/header/header.mjs";
import { enhanceAll } from "./enhance-all";

enhanceAll(document, Header);
