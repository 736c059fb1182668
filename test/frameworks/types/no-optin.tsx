// Without `ocmf-widgets/react` React's JSX does not know the tags: the test expects exactly one error, here.
import 'ocmf-widgets/scorecard';

export const view = <ocmf-scorecard lens="manager" />;
