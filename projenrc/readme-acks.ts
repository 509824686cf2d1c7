/**
 * `npx projen readme:acks`: writes the table of every acknowledged rule-pack finding of the
 * reference app (rendered by test/reference-app/acknowledgements.ts from test/reference-app/stacks)
 * between the `acknowledgements` markers of test/reference-app/README.md.
 */
import { REFERENCE_APP_PAGE, writeReadmeBlock } from './readme-block';
import { renderAcknowledgements } from '../test/reference-app/acknowledgements';

writeReadmeBlock('acknowledgements', renderAcknowledgements(), REFERENCE_APP_PAGE);
console.log('test/reference-app/README.md acknowledgements updated');
