/**
 * `npx projen readme:acks`: writes the table of every acknowledged rule-pack finding of the
 * reference app (rendered by test/reference-app/acknowledgements.ts from test/reference-app/stacks)
 * between the README's `acknowledgements` markers.
 */
import { writeReadmeBlock } from './readme-block';
import { renderAcknowledgements } from '../test/reference-app/acknowledgements';

writeReadmeBlock('acknowledgements', renderAcknowledgements());
console.log('README.md acknowledgements updated');
