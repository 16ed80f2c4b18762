import { taxonomyRoute } from "../../_components/taxonomy-route";

const route = taxonomyRoute("area");

export const dynamicParams = false;
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
